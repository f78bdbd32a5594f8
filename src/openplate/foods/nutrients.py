"""Every nutrient the shipped USDA SR24 foods carry: its key, label, unit and source name.

Amounts are per 100 g of food. The registry is pure Python (no Django), so the build script,
the app and the tests share it.

Source of names, units and groups: cronometer's own nutrient definitions, `nutrients.xml` in
`/usr/share/java/cronometer.jar` of Debian's package `cronometer` 0.9.9+dfsg1-1. Its `usda`
attribute gives the SR24 nutrient number (Nutr_No), repeated in the comments below, and its
units are those of SR24's nutrient definitions (the NUTR_DEF file, described in USDA's
*Composition of Foods Raw, Processed, Prepared: USDA National Nutrient Database for Standard
Reference, Release 24*). They were checked on foods whose SR24 values are known: egg 01123
has 143 kcal, 12.56 g protein, 372 mg cholesterol, 142 mg sodium, 540 IU vitamin A and 82 IU
(2.0 µg) vitamin D; raw carrot 11124 has 16,706 IU vitamin A and 8,285 µg beta-carotene.

Vitamins A and D are in IU: cronometer took only SR24's IU totals (numbers 318 and 324), not its
µg RAE and µg ones, so there are no `vitamin_a_ug` or `vitamin_d_ug` keys. Vitamin A as µg RAE
can be derived from the retinol and carotenoid entries (retinol + beta-carotene / 12 +
(alpha-carotene + beta-cryptoxanthin) / 24; 835 µg for raw carrot), and vitamin D in µg is
IU / 40.
"""

from __future__ import annotations

from dataclasses import dataclass

KCAL = "kcal"
GRAM = "g"
MILLIGRAM = "mg"
MICROGRAM = "µg"
IU = "IU"
UNITS = (KCAL, GRAM, MILLIGRAM, MICROGRAM, IU)

# cronometer's nutrient categories, in the order the rest of a label lists them.
GENERAL = "General"
LIPIDS = "Lipids"
MINERALS = "Minerals"
VITAMINS = "Vitamins"
AMINO_ACIDS = "Amino Acids"
GROUPS = (GENERAL, LIPIDS, MINERALS, VITAMINS, AMINO_ACIDS)


@dataclass(frozen=True)
class Nutrient:
    """One nutrient: `key` in our data, `source_name` in cronometer's SR24 XML."""

    key: str
    label: str
    unit: str
    source_name: str
    group: str


_N = Nutrient

# Ordered as a nutrition label: the label's own lines first, then the rest by group.
NUTRIENTS: tuple[Nutrient, ...] = (
    _N("energy_kcal", "Energy", KCAL, "Energy", GENERAL),  # SR 208
    _N("protein_g", "Protein", GRAM, "Protein", GENERAL),  # 203
    _N("carbohydrate_g", "Carbohydrate", GRAM, "Carbs", GENERAL),  # 205, by difference
    _N("fiber_g", "Fiber", GRAM, "Fiber", GENERAL),  # 291, total dietary
    _N("sugars_g", "Sugars", GRAM, "Sugars", GENERAL),  # 269, total
    _N("fat_g", "Fat", GRAM, "Fat", GENERAL),  # 204, total lipid
    _N("saturated_fat_g", "Saturated fat", GRAM, "Saturated", LIPIDS),  # 606
    _N("monounsaturated_fat_g", "Monounsaturated fat", GRAM, "Monounsaturated", LIPIDS),  # 645
    _N("polyunsaturated_fat_g", "Polyunsaturated fat", GRAM, "Polyunsaturated", LIPIDS),  # 646
    _N("trans_fat_g", "Trans fat", GRAM, "Trans-Fats", LIPIDS),  # 605
    _N("cholesterol_mg", "Cholesterol", MILLIGRAM, "Cholesterol", LIPIDS),  # 601
    _N("sodium_mg", "Sodium", MILLIGRAM, "Sodium", MINERALS),  # 307
    _N("potassium_mg", "Potassium", MILLIGRAM, "Potassium", MINERALS),  # 306
    _N("calcium_mg", "Calcium", MILLIGRAM, "Calcium", MINERALS),  # 301
    _N("iron_mg", "Iron", MILLIGRAM, "Iron", MINERALS),  # 303
    _N("vitamin_a_iu", "Vitamin A", IU, "Vitamin A", VITAMINS),  # 318
    _N("vitamin_c_mg", "Vitamin C", MILLIGRAM, "Vitamin C", VITAMINS),  # 401
    _N("vitamin_d_iu", "Vitamin D", IU, "Vitamin D", VITAMINS),  # 324
    # General
    _N("starch_g", "Starch", GRAM, "Starch", GENERAL),  # 209
    _N("alcohol_g", "Alcohol", GRAM, "Alcohol", GENERAL),  # 221, ethyl
    _N("caffeine_mg", "Caffeine", MILLIGRAM, "Caffeine", GENERAL),  # 262
    _N("water_g", "Water", GRAM, "Water", GENERAL),  # 255
    _N("ash_g", "Ash", GRAM, "Ash", GENERAL),  # 207
    # Lipids. Omega-3 and omega-6 are cronometer's sums of SR24's n-3 and n-6 fatty acids.
    _N("omega_3_g", "Omega-3 fatty acids", GRAM, "Omega-3", LIPIDS),
    _N("omega_6_g", "Omega-6 fatty acids", GRAM, "Omega-6", LIPIDS),
    _N("phytosterols_mg", "Phytosterols", MILLIGRAM, "Phytosterol", LIPIDS),  # 636
    # Minerals
    _N("copper_mg", "Copper", MILLIGRAM, "Copper", MINERALS),  # 312
    _N("fluoride_ug", "Fluoride", MICROGRAM, "Fluoride", MINERALS),  # 313
    _N("magnesium_mg", "Magnesium", MILLIGRAM, "Magnesium", MINERALS),  # 304
    _N("manganese_mg", "Manganese", MILLIGRAM, "Manganese", MINERALS),  # 315
    _N("phosphorus_mg", "Phosphorus", MILLIGRAM, "Phosphorus", MINERALS),  # 305
    _N("selenium_ug", "Selenium", MICROGRAM, "Selenium", MINERALS),  # 317
    _N("zinc_mg", "Zinc", MILLIGRAM, "Zinc", MINERALS),  # 309
    # Vitamins
    _N("vitamin_e_mg", "Vitamin E (alpha-tocopherol)", MILLIGRAM, "Vitamin E", VITAMINS),  # 323
    _N("vitamin_k_ug", "Vitamin K (phylloquinone)", MICROGRAM, "Vitamin K", VITAMINS),  # 430
    _N("thiamin_mg", "Thiamin (B1)", MILLIGRAM, "B1 (Thiamine)", VITAMINS),  # 404
    _N("riboflavin_mg", "Riboflavin (B2)", MILLIGRAM, "B2 (Riboflavin)", VITAMINS),  # 405
    _N("niacin_mg", "Niacin (B3)", MILLIGRAM, "B3 (Niacin)", VITAMINS),  # 406
    _N(
        "pantothenic_acid_mg", "Pantothenic acid (B5)", MILLIGRAM, "B5 (Pantothenic Acid)", VITAMINS
    ),
    _N("vitamin_b6_mg", "Vitamin B6", MILLIGRAM, "B6 (Pyridoxine)", VITAMINS),  # 415
    _N("folate_ug", "Folate", MICROGRAM, "Folate", VITAMINS),  # 417, total
    _N("vitamin_b12_ug", "Vitamin B12", MICROGRAM, "B12 (Cyanocobalamin)", VITAMINS),  # 418
    _N("choline_mg", "Choline", MILLIGRAM, "Choline", VITAMINS),  # 421, total
    _N("retinol_ug", "Retinol", MICROGRAM, "Retinol", VITAMINS),  # 319
    _N("alpha_carotene_ug", "Alpha-carotene", MICROGRAM, "Alpha-carotene", VITAMINS),  # 322
    _N("beta_carotene_ug", "Beta-carotene", MICROGRAM, "Beta-carotene", VITAMINS),  # 321
    _N("beta_cryptoxanthin_ug", "Beta-cryptoxanthin", MICROGRAM, "Beta-cryptoxanthin", VITAMINS),
    _N("lycopene_ug", "Lycopene", MICROGRAM, "Lycopene", VITAMINS),  # 337
    _N("lutein_zeaxanthin_ug", "Lutein + zeaxanthin", MICROGRAM, "Lutein+Zeaxanthin", VITAMINS),
    _N("beta_tocopherol_mg", "Beta-tocopherol", MILLIGRAM, "Beta Tocopherol", VITAMINS),  # 341
    _N("gamma_tocopherol_mg", "Gamma-tocopherol", MILLIGRAM, "Gamma Tocopherol", VITAMINS),  # 342
    _N("delta_tocopherol_mg", "Delta-tocopherol", MILLIGRAM, "Delta Tocopherol", VITAMINS),  # 343
    # Amino acids
    _N("alanine_g", "Alanine", GRAM, "ALA", AMINO_ACIDS),  # 513
    _N("arginine_g", "Arginine", GRAM, "ARG", AMINO_ACIDS),  # 511
    _N("aspartic_acid_g", "Aspartic acid", GRAM, "ASP", AMINO_ACIDS),  # 514
    _N("cystine_g", "Cystine", GRAM, "CYS", AMINO_ACIDS),  # 507
    _N("glutamic_acid_g", "Glutamic acid", GRAM, "GLU", AMINO_ACIDS),  # 515
    _N("glycine_g", "Glycine", GRAM, "GLY", AMINO_ACIDS),  # 516
    _N("histidine_g", "Histidine", GRAM, "HIS", AMINO_ACIDS),  # 512
    _N("hydroxyproline_g", "Hydroxyproline", GRAM, "HYP", AMINO_ACIDS),  # 521
    _N("isoleucine_g", "Isoleucine", GRAM, "ILE", AMINO_ACIDS),  # 503
    _N("leucine_g", "Leucine", GRAM, "LEU", AMINO_ACIDS),  # 504
    _N("lysine_g", "Lysine", GRAM, "LYS", AMINO_ACIDS),  # 505
    _N("methionine_g", "Methionine", GRAM, "MET", AMINO_ACIDS),  # 506
    _N("phenylalanine_g", "Phenylalanine", GRAM, "PHE", AMINO_ACIDS),  # 508
    _N("proline_g", "Proline", GRAM, "PRO", AMINO_ACIDS),  # 517
    _N("serine_g", "Serine", GRAM, "SER", AMINO_ACIDS),  # 518
    _N("threonine_g", "Threonine", GRAM, "THR", AMINO_ACIDS),  # 502
    _N("tryptophan_g", "Tryptophan", GRAM, "TRP", AMINO_ACIDS),  # 501
    _N("tyrosine_g", "Tyrosine", GRAM, "TYR", AMINO_ACIDS),  # 509
    _N("valine_g", "Valine", GRAM, "VAL", AMINO_ACIDS),  # 510
)

BY_KEY: dict[str, Nutrient] = {nutrient.key: nutrient for nutrient in NUTRIENTS}
BY_SOURCE_NAME: dict[str, Nutrient] = {nutrient.source_name: nutrient for nutrient in NUTRIENTS}
