from openplate.cli import main

main()
