from ninja import NinjaAPI

api = NinjaAPI(title="OpenPlate API", version="1")
