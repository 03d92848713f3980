"""Catalog words for the synthetic Instacart drop: departments, aisles and product names.

Departments and aisles follow the real Instacart Market Basket files (departments.csv,
aisles.csv): same ids, names and aisle-to-department assignment, and per-aisle product counts
as in the real products.csv (49,688 products). Product names are built from per-aisle base
nouns plus shared brand words, qualifiers, varieties and sizes, so that products.csv looks and
parses like the real download (title case, a few commas and double quotes that need CSV quoting).

Nothing here draws randomness except through the numpy Generator handed to `product_names`,
and importing the module only builds constant tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

__all__ = [
    "AISLES",
    "CATALOG_SIZE",
    "DEPARTMENTS",
    "MISSING_AISLE_ID",
    "Aisle",
    "Department",
    "product_names",
]


@dataclass(frozen=True, slots=True)
class Department:
    """One row of departments.csv plus the published order-line statistics."""

    department_id: int
    name: str
    line_share: float  # share of all order lines that fall in this department
    reorder_rate: float  # share of this department's order lines that are reorders


@dataclass(frozen=True, slots=True)
class Aisle:
    """One row of aisles.csv plus its department and how many catalog products it holds."""

    aisle_id: int
    name: str
    department_id: int
    product_count: int


# (name, line_share, reorder_rate); the id is the position + 1, as in departments.csv.
_DEPARTMENT_ROWS: tuple[tuple[str, float, float], ...] = (
    ("frozen", 0.069, 0.542),
    ("other", 0.001, 0.407),
    ("bakery", 0.036, 0.628),
    ("produce", 0.292, 0.650),
    ("alcohol", 0.005, 0.570),
    ("international", 0.008, 0.369),
    ("beverages", 0.083, 0.653),
    ("pets", 0.003, 0.601),
    ("dry goods pasta", 0.027, 0.461),
    ("bulk", 0.001, 0.577),
    ("personal care", 0.014, 0.321),
    ("meat seafood", 0.022, 0.568),
    ("pantry", 0.058, 0.347),
    ("breakfast", 0.022, 0.561),
    ("canned goods", 0.033, 0.458),
    ("dairy eggs", 0.167, 0.670),
    ("household", 0.023, 0.403),
    ("babies", 0.013, 0.578),
    ("snacks", 0.089, 0.574),
    ("deli", 0.032, 0.608),
    ("missing", 0.002, 0.396),
)

DEPARTMENTS: tuple[Department, ...] = tuple(
    Department(i, name, share, rate)
    for i, (name, share, rate) in enumerate(_DEPARTMENT_ROWS, start=1)
)

# (name, department_id, product_count, variety group, size group); the id is the position + 1,
# as in aisles.csv. Counts are the real products.csv counts: the departments' totals match the
# real file, and some aisles are small (bulk 12 and 26, packaged produce 32) because the real
# ones are. The two groups name entries of _VARIETIES and _SIZES used for product names.
_AISLE_ROWS: tuple[tuple[str, int, int, str, str], ...] = (
    ("prepared soups salads", 20, 146, "deli_style", "deli"),
    ("specialty cheeses", 16, 271, "cheese_flavor", "cheese"),
    ("energy granola bars", 19, 832, "bar", "bars"),
    ("instant foods", 9, 543, "meal_flavor", "instant"),
    ("marinades meat preparation", 13, 409, "sauce_flavor", "jar"),
    ("other", 2, 548, "misc", "count"),
    ("packaged meat", 12, 100, "cut", "lb"),
    ("bakery desserts", 3, 297, "sweet", "bakery"),
    ("pasta sauce", 9, 399, "sauce", "jar"),
    ("kitchen supplies", 17, 218, "color", "item"),
    ("cold flu allergy", 11, 427, "medicine", "med"),
    ("fresh pasta", 9, 123, "filling", "deli"),
    ("prepared meals", 20, 317, "meal", "deli"),
    ("tofu meat alternatives", 20, 159, "tofu_flavor", "oz"),
    ("packaged seafood", 12, 80, "seafood_style", "oz"),
    ("fresh herbs", 4, 86, "none", "produce"),
    ("baking ingredients", 13, 623, "baking", "bake"),
    ("bulk dried fruits vegetables", 10, 12, "none", "bulk"),
    ("oils vinegars", 13, 375, "oil", "bottle"),
    ("oral hygiene", 11, 565, "oral", "care"),
    ("packaged cheese", 16, 891, "cheese", "cheese"),
    ("hair care", 11, 816, "hair", "care"),
    ("popcorn jerky", 19, 316, "savory", "snack"),
    ("fresh fruits", 4, 382, "none", "produce"),
    ("soap", 11, 525, "scent", "care"),
    ("coffee", 7, 680, "coffee", "coffee"),
    ("beers coolers", 5, 385, "beer", "beer"),
    ("red wines", 5, 232, "wine_region", "wine"),
    ("honeys syrups nectars", 13, 229, "syrup", "jar"),
    ("latino foods", 6, 257, "latin", "can"),
    ("refrigerated", 7, 675, "drink", "fl"),
    ("packaged produce", 4, 32, "veg_style", "produce"),
    ("kosher foods", 6, 169, "kosher", "oz"),
    ("frozen meat seafood", 1, 229, "cut", "frozen"),
    ("poultry counter", 12, 82, "cut", "lb"),
    ("butter", 16, 150, "butter", "butter"),
    ("ice cream ice", 1, 1091, "ice_cream", "pint"),
    ("frozen meals", 1, 880, "meal", "frozen"),
    ("seafood counter", 12, 54, "seafood_style", "lb"),
    ("dog food care", 8, 473, "pet", "pet"),
    ("cat food care", 8, 499, "pet", "pet"),
    ("frozen vegan vegetarian", 1, 189, "tofu_flavor", "frozen"),
    ("buns rolls", 3, 195, "bread", "bread"),
    ("eye ear care", 11, 113, "medicine", "med"),
    ("candy chocolate", 19, 1246, "candy", "candy"),
    ("mint gum", 19, 168, "mint", "gum"),
    ("vitamins supplements", 11, 1038, "vitamin", "pills"),
    ("breakfast bars pastries", 14, 173, "bar", "bars"),
    ("packaged poultry", 12, 99, "cut", "lb"),
    ("fruit vegetable snacks", 19, 356, "fruit", "snack"),
    ("preserved dips spreads", 13, 264, "dip", "jar"),
    ("frozen breakfast", 1, 296, "breakfast", "frozen"),
    ("cream", 16, 161, "creamer", "cream"),
    ("paper goods", 17, 322, "paper", "home"),
    ("shave needs", 11, 198, "shave", "care"),
    ("diapers wipes", 18, 187, "diaper", "diaper"),
    ("granola", 14, 185, "granola", "oz"),
    ("frozen breads doughs", 1, 81, "bread", "frozen"),
    ("canned meals beans", 15, 342, "bean", "can"),
    ("trash bags liners", 17, 112, "trash", "home"),
    ("cookies cakes", 19, 874, "sweet", "cookie"),
    ("white wines", 5, 147, "wine_region", "wine"),
    ("grains rice dried goods", 9, 336, "grain", "pasta"),
    ("energy sports drinks", 7, 294, "drink", "drinkpack"),
    ("protein meal replacements", 11, 325, "protein", "protein"),
    ("asian foods", 6, 605, "asian", "jar"),
    ("fresh dips tapenades", 20, 327, "dip", "deli"),
    ("bulk grains rice dried goods", 10, 26, "none", "bulk"),
    ("soup broth bouillon", 15, 737, "soup", "can"),
    ("digestion", 11, 338, "medicine", "med"),
    ("refrigerated pudding desserts", 16, 98, "sweet", "cups"),
    ("condiments", 13, 466, "condiment", "jar"),
    ("facial care", 11, 277, "skin", "care"),
    ("dish detergents", 17, 204, "household_scent", "liquid"),
    ("laundry", 17, 506, "household_scent", "liquid"),
    ("indian foods", 6, 108, "indian", "jar"),
    ("soft drinks", 7, 463, "soda", "drinkpack"),
    ("crackers", 19, 747, "savory", "snack"),
    ("frozen pizza", 1, 335, "pizza", "frozen"),
    ("deodorants", 11, 317, "deodorant", "care"),
    ("canned jarred vegetables", 15, 487, "bean", "can"),
    ("baby accessories", 18, 44, "baby_gear", "item"),
    ("fresh vegetables", 4, 569, "none", "produce"),
    ("milk", 16, 243, "milk", "fl"),
    ("food storage", 17, 206, "storage", "home"),
    ("eggs", 16, 125, "egg", "eggs"),
    ("more household", 17, 308, "color", "item"),
    ("spreads", 13, 493, "spread", "jar"),
    ("salad dressing toppings", 13, 560, "dressing", "dressing"),
    ("cocoa drink mixes", 7, 223, "cocoa", "cocoa"),
    ("soy lactosefree", 16, 293, "plant_milk", "fl"),
    ("baby food formula", 18, 718, "baby_food", "baby_food"),
    ("breakfast bakery", 3, 226, "breakfast", "bakery"),
    ("tea", 7, 894, "tea", "tea"),
    ("canned meat seafood", 15, 283, "seafood_style", "can"),
    ("lunch meat", 20, 373, "deli_meat", "deli"),
    ("baking supplies decor", 13, 290, "decor", "item"),
    ("juice nectars", 7, 792, "drink", "fl"),
    ("canned fruit applesauce", 15, 243, "canned_fruit", "can"),
    ("missing", 21, 1258, "none", "count"),  # names borrowed from other aisles
    ("air fresheners candles", 17, 355, "candle", "candle"),
    ("baby bath body care", 18, 132, "baby_scent", "care"),
    ("ice cream toppings", 19, 85, "topping", "jar"),
    ("spices seasonings", 13, 797, "spice_form", "spice"),
    ("doughs gelatins bake mixes", 13, 463, "sweet", "bake"),
    ("hot dogs bacon sausage", 12, 387, "deli_meat", "lb"),
    ("chips pretzels", 19, 989, "savory", "snack"),
    ("other creams cheeses", 16, 191, "cream_cheese", "oz"),
    ("skin care", 11, 245, "skin", "care"),
    ("pickled goods olives", 13, 402, "pickle", "jar"),
    ("plates bowls cups flatware", 17, 199, "plates", "plates"),
    ("bread", 3, 557, "bread", "bread"),
    ("frozen juice", 1, 47, "none", "frozen"),
    ("cleaning products", 17, 655, "household_scent", "liquid"),
    ("water seltzer sparkling water", 7, 344, "drink", "drinkpack"),
    ("frozen produce", 1, 361, "veg_style", "frozen"),
    ("nuts seeds dried fruit", 19, 582, "nut", "snack"),
    ("first aid", 11, 240, "medicine", "med"),
    ("frozen dessert", 1, 112, "sweet", "frozen"),
    ("yogurt", 16, 1026, "fruit", "yogurt"),
    ("cereal", 14, 454, "cereal", "cereal"),
    ("meat counter", 12, 105, "cut", "lb"),
    ("packaged vegetables fruits", 4, 615, "veg_style", "produce"),
    ("spirits", 5, 195, "spirit", "spirit"),
    ("trail mix snack mix", 19, 69, "nut", "snack"),
    ("feminine care", 11, 285, "feminine", "count"),
    ("body lotions soap", 11, 504, "scent", "care"),
    ("tortillas flat bread", 3, 241, "bread", "count"),
    ("frozen appetizers sides", 1, 386, "meal", "frozen"),
    ("hot cereal pancake mixes", 14, 303, "breakfast", "hot_cereal"),
    ("dry pasta", 9, 457, "pasta", "pasta"),
    ("beauty", 11, 178, "beauty", "care"),
    ("muscles joints pain relief", 11, 172, "medicine", "med"),
    ("specialty wines champagnes", 5, 95, "wine_style", "wine"),
)

AISLES: tuple[Aisle, ...] = tuple(
    Aisle(i, name, department_id, count)
    for i, (name, department_id, count, _, _) in enumerate(_AISLE_ROWS, start=1)
)

CATALOG_SIZE = 49_688
MISSING_AISLE_ID = 100  # its products carry names from every other aisle, as in the real file

# --------------------------------------------------------------------------------------------
# Word lists. Every list is one "|"-separated string so the data stays compact and readable.
# No entry may contain a comma or a double quote: those appear only where product_names puts
# them on purpose, which keeps their shares exact.
# --------------------------------------------------------------------------------------------


def _split(words: str) -> tuple[str, ...]:
    return tuple(words.split("|")) if words else ()


# Per-aisle base nouns (every aisle but "missing"). In a base, "*" marks where qualifier and
# variety go when they are not in front ("Bag of *Bananas" -> "Bag of Organic Bananas"), and a
# trailing "!" means the base takes no variety ("Cat Litter" must not become "Salmon Recipe
# Cat Litter").
_AISLE_BASES: dict[str, str] = {
    "prepared soups salads": (
        "Chicken Noodle Soup|Tomato Bisque|Lentil Soup|Split Pea Soup|Clam Chowder|Minestrone"
        "|Butternut Squash Soup|Caesar Salad|Greek Salad|Cobb Salad|Quinoa Salad|Kale Salad"
        "|Chicken Salad|Egg Salad|Potato Salad|Macaroni Salad|Pasta Salad|Coleslaw|Tuna Salad"
        "|Broccoli Salad|Chicken Tortilla Soup|Black Bean Soup|Cucumber Salad|Beet Salad"
    ),
    "specialty cheeses": (
        "Brie|Camembert|Manchego|Gruyere|Aged Gouda|Goat Cheese|Blue Cheese|Gorgonzola|Burrata"
        "|Fresh Mozzarella|Parmigiano Reggiano|Pecorino Romano|Triple Creme|Havarti|Fontina"
        "|Asiago|Cheese Log|Halloumi|Feta Crumbles|Mascarpone|Ricotta Salata|Smoked Cheddar"
        "|Truffle Cheese|Cave Aged Cheddar|Comte"
    ),
    "energy granola bars": (
        "Granola Bar|Protein Bar|Energy Bar|Chewy Granola Bar|Crunchy Granola Bars"
        "|Fruit & Nut Bar|Nut Butter Bar|Oat Bar|Crispy Rice Treat|Baked Bar|Soft Baked Bar"
        "|Keto Bar|Snack Bar|Trail Mix Bar|Seed Bar|Greek Yogurt Bar|Nut Bar|Energy Bites"
        "|Apricot Energy Bar|Protein Bites"
    ),
    "instant foods": (
        "Ramen Noodle Soup|Instant Noodles|Cup Noodles|Macaroni & Cheese"
        "|Instant Mashed Potatoes|Rice Pilaf|Couscous Mix|Noodle Bowl|Pasta Sides|Rice Sides"
        "|Stuffing Mix|Instant Rice|Udon Noodle Bowl|Pho Bowl|Microwave Rice Bowl|Soup Cup"
        "|Scalloped Potatoes|Au Gratin Potatoes|Shells & Cheese|Pad Thai Kit|Miso Soup Packets"
        "|Mac & Cheese Cups|Instant Lentil Curry"
    ),
    "marinades meat preparation": (
        "Marinade|Barbecue Sauce|Dry Rub|Steak Sauce|Grilling Sauce|Brine Mix|Meat Tenderizer"
        "|Liquid Smoke|Wing Sauce|Stir Fry Sauce|Teriyaki Sauce|Jerk Marinade|Fajita Seasoning"
        "|Taco Seasoning Mix|Anytime Sauce|Mojo Criollo|Bread Crumbs|Panko Bread Crumbs"
        "|Coating Mix|Breading Mix|Burger Seasoning|Korean Barbecue Sauce|Chimichurri|Glaze"
    ),
    "other": (
        "Fresh Flower Bouquet!|Potted Orchid!|Greeting Card|Reusable Grocery Bag|Gift Bag"
        "|Birthday Candles|Party Balloons|Charcoal Briquettes!|Firewood Bundle!|Bag of *Ice!"
        "|Lighter Fluid!|Kitchen Matches!|Light Bulb|AA Batteries!|AAA Batteries!"
        "|Phone Charger|Umbrella|Sunglasses|Playing Cards|Spiral Notebook|Ballpoint Pens"
        "|Packing Tape!|Scissors|Tissue Paper|Wrapping Paper|Gift Box|Glass Vase|Seed Packet"
        "|Potting Soil!|Party Hats|Paper Lanterns|Gift Card!|Sticky Notes|Picture Frame"
    ),
    "packaged meat": (
        "Ground Beef|Beef Patties|Pork Chops|Pork Tenderloin|Beef Stew Meat|Flank Steak"
        "|Sirloin Steak|Ribeye Steak|Meatballs|Beef Short Ribs|Baby Back Ribs|Ground Pork"
        "|Ground Lamb|Lamb Chops|Pulled Pork|Beef Brisket|Corned Beef|Carne Asada|Pot Roast"
        "|Bison Burgers"
    ),
    "bakery desserts": (
        "Chocolate Fudge Layer Cake|Cheesecake|Cupcakes|Brownies|Cookies|Pound Cake"
        "|Carrot Cake|Apple Pie|Pumpkin Pie|Cream Pie|Fruit Tart|Cannoli|Eclairs|Cream Puffs"
        "|Coffee Cake|Macarons|Mini Cupcakes|Bundt Cake|Tiramisu|Angel Food Cake|Lemon Bars"
        "|Whoopie Pies|Rugelach|Danish Ring|Sheet Cake"
    ),
    "pasta sauce": (
        "Pasta Sauce|Marinara Sauce|Alfredo Sauce|Pesto|Tomato Sauce|Vodka Sauce|Pizza Sauce"
        "|Bolognese|Puttanesca Sauce|Arrabbiata Sauce|Cheese Sauce|Sunday Gravy|Meat Sauce"
        "|Garlic Sauce|Tomato & Basil Sauce|Pomodoro Sauce"
    ),
    "kitchen supplies": (
        "Nonstick Skillet|Can Opener|Kitchen Towels|Measuring Cups|Spatula|Whisk|Cutting Board"
        "|Oven Mitt|Meat Thermometer|Vegetable Peeler|Mixing Bowl|Storage Containers"
        "|Baking Sheet|Dish Rack|Scrub Brush|Grater|Colander|Kitchen Shears|Wooden Spoon|Tongs"
        "|Ice Cube Tray|Chef's Knife|Pot Holders|Bottle Opener|Corkscrew|Sponges"
    ),
    "cold flu allergy": (
        "Cold & Flu Relief|Cough Syrup|Allergy Relief Tablets|Nasal Spray|Saline Nasal Mist"
        "|Dry Nose Oil|Throat Lozenges|Cough Drops|Sinus Relief|Decongestant|Vapor Rub"
        "|Zinc Lozenges|Elderberry Syrup|Chest Congestion Relief|Antihistamine"
        "|Sore Throat Spray|Severe Cold Caplets|Echinacea Drops|Saline Rinse Kit|Mucus Relief"
    ),
    "fresh pasta": (
        "Ravioli|Tortellini|Fettuccine|Linguine|Gnocchi|Agnolotti|Lasagna Sheets|Pappardelle"
        "|Angel Hair|Tortelloni|Cappelletti|Mezzaluna|Spaghetti|Potato Gnocchi|Cavatelli"
    ),
    "prepared meals": (
        "Rotisserie Chicken|Chicken Pot Pie|Lasagna|Meatloaf|Enchiladas|Chicken Tikka Masala"
        "|Beef Stroganoff|Mac & Cheese|Turkey Dinner|Chicken Parmesan|Stuffed Peppers"
        "|Shepherd's Pie|Burrito Bowl|Sushi Roll|Grain Bowl|Chicken Fried Rice|Pad Thai"
        "|Orange Chicken|Quiche|Falafel Wrap|Deli Sandwich|Wrap|Burrito|Empanadas"
        "|Twice Baked Potatoes"
    ),
    "tofu meat alternatives": (
        "Extra Firm Tofu|Firm Tofu|Silken Tofu|Tempeh|Seitan|Veggie Burgers|Plant Based Burger"
        "|Meatless Crumbles|Veggie Sausage|Plant Based Chicken Strips|Baked Tofu"
        "|Veggie Hot Dogs|Tofu Scramble|Meatless Meatballs|Vegan Deli Slices|Jackfruit"
        "|Smoked Tofu|Sprouted Tofu|Plant Based Bratwurst|Veggie Bacon"
    ),
    "packaged seafood": (
        "Smoked Salmon|Lox|Shrimp Cocktail|Crab Meat|Lobster Meat|Smoked Trout|Herring"
        "|Salmon Burgers|Tuna Steaks|Pickled Herring|Crab Cakes|Poke|Ceviche|Salmon Fillets"
        "|Cod Fillets"
    ),
    "fresh herbs": (
        "Basil|Cilantro|Italian Parsley|Curly Parsley|Mint|Dill|Rosemary|Thyme|Sage|Chives"
        "|Oregano|Tarragon|Lemongrass|Bay Leaves|Ginger Root|Thai Basil|Marjoram|Microgreens"
        "|Green Onions|Scallions|Garlic Bulb|Shallots|Flat Leaf Parsley|Poultry Herb Blend"
        "|Watercress"
    ),
    "baking ingredients": (
        "All Purpose Flour|Bread Flour|Whole Wheat Flour|Almond Flour|Coconut Flour"
        "|Granulated Sugar|Brown Sugar|Powdered Sugar|Cane Sugar|Baking Soda|Baking Powder"
        "|Cornstarch|Pure Vanilla Extract|Cocoa Powder|Chocolate Chips|Active Dry Yeast"
        "|Coconut Sugar|Shortening|Sweetened Condensed Milk|Evaporated Milk|Corn Meal"
        "|Stevia Sweetener|Monk Fruit Sweetener|Cake Flour|Almond Extract|Baking Chips"
        "|Molasses|Flaxseed Meal|Xanthan Gum|Pie Filling"
    ),
    "bulk dried fruits vegetables": (
        "Dried Mango|Dried Apricots|Dried Cranberries|Banana Chips|Dried Figs|Medjool Dates"
        "|Dried Cherries|Raisins|Golden Raisins|Dried Pineapple|Sun Dried Tomatoes"
        "|Dried Shiitake Mushrooms|Dried Blueberries|Prunes|Dried Apple Rings|Veggie Chips"
    ),
    "oils vinegars": (
        "Extra Virgin Olive Oil|Olive Oil|Avocado Oil|Coconut Oil|Canola Oil|Vegetable Oil"
        "|Sesame Oil|Grapeseed Oil|Sunflower Oil|Peanut Oil|Cooking Spray|Balsamic Vinegar"
        "|Apple Cider Vinegar|Red Wine Vinegar|White Wine Vinegar|Rice Vinegar"
        "|Distilled White Vinegar|Truffle Oil|Walnut Oil|Ghee|Balsamic Glaze|Sherry Vinegar"
        "|Champagne Vinegar|Chili Oil"
    ),
    "oral hygiene": (
        "Toothpaste|Whitening Toothpaste|Toothbrush|Electric Toothbrush Heads|Mouthwash"
        "|Dental Floss|Floss Picks|Whitening Strips|Kids Toothpaste|Tongue Cleaner!"
        "|Interdental Brushes|Denture Cleanser|Fluoride Rinse|Teeth Whitening Pen"
        "|Water Flosser Tips!|Gum Care Toothpaste|Sensitivity Toothpaste|Charcoal Toothpaste"
    ),
    "packaged cheese": (
        "Shredded Cheese|Cheese Slices|Cheese Block|String Cheese|Cheese Sticks|Cheese Cubes"
        "|Crumbled Cheese|Snack Cheese|Grated Cheese|Cheese Crisps|Cheese Wedges"
        "|Deli Style Sliced Cheese|Thin Sliced Cheese|Fancy Shredded Cheese|Cheese Snack Bites"
        "|Finely Shredded Cheese|Cheese Twists"
    ),
    "hair care": (
        "Shampoo|Conditioner|2 in 1 Shampoo & Conditioner|Hair Spray|Styling Gel|Hair Mask"
        "|Leave In Conditioner|Dry Shampoo|Hair Oil|Curl Cream|Styling Mousse|Hair Color"
        "|Pomade|Detangling Spray|Heat Protectant Spray|Hair Serum|Scalp Scrub"
        "|Texturizing Spray|Hair Ties!|Wide Tooth Comb!|Paddle Brush!|Bobby Pins!"
    ),
    "popcorn jerky": (
        "Popcorn|Microwave Popcorn|Kettle Corn|Beef Jerky|Turkey Jerky|Meat Sticks"
        "|Salmon Jerky|Pork Rinds|Chicken Chips|Popcorn Kernels|Caramel Corn|Jerky Bites"
        "|Beef Sticks|Biltong|Mushroom Jerky|Ready To Eat Popcorn|Cheddar Popcorn"
    ),
    "fresh fruits": (
        "Banana|Bananas|Bag of *Bananas|Bag of *Lemons|Bag of *Limes|Bag of *Oranges"
        "|Bag of *Apples|Hass Avocado|Avocado|Honeycrisp Apple|Gala Apple|Fuji Apple"
        "|Granny Smith Apple|Pink Lady Apple|Strawberries|Raspberries|Blueberries|Blackberries"
        "|Lemon|Lime|Limes|Navel Orange|Cara Cara Orange|Clementines|Mandarins"
        "|Red Seedless Grapes|Green Seedless Grapes|Cotton Candy Grapes|Pineapple|Mango"
        "|Ataulfo Mango|Kiwi|Gold Kiwi|Cantaloupe|Honeydew Melon|Seedless Watermelon"
        "|Mini Watermelon|Bartlett Pear|Bosc Pear|Anjou Pear|Yellow Peach|White Nectarine|Plum"
        "|Black Plum|Apricot|Bing Cherries|Rainier Cherries|Pomegranate|Grapefruit"
        "|Ruby Red Grapefruit|Meyer Lemon|Papaya|Dragon Fruit|Passion Fruit|Persimmon|Figs"
        "|Coconut|Key Limes|Cranberries|Plantain|Asian Pear|Blood Orange|Tangerine|Pluot"
        "|Lychee|Starfruit"
    ),
    "soap": (
        "Hand Soap|Foaming Hand Soap|Bar Soap|Body Wash|Liquid Hand Soap|Hand Soap Refill"
        "|Castile Soap|Antibacterial Hand Soap|Hand Sanitizer|Moisturizing Bar|Shower Gel"
        "|Exfoliating Body Wash|Beauty Bar|Kitchen Hand Soap|Goat Milk Soap|Glycerin Soap"
    ),
    "coffee": (
        "Ground Coffee|Whole Bean Coffee|Coffee Pods|K-Cup Pods|Instant Coffee"
        "|Cold Brew Coffee|Cold Brew Concentrate|Espresso Beans|Decaf Ground Coffee"
        "|Iced Coffee|Coffee Creamer|Nitro Cold Brew|Single Serve Coffee|Latte|Cappuccino"
        "|Coffee Bags|Espresso Capsules|Mocha Drink"
    ),
    "beers coolers": (
        "IPA|Pale Ale|Lager|Pilsner|Stout|Porter|Amber Ale|Wheat Beer|Hefeweizen|Sour Ale"
        "|Hard Seltzer|Hard Cider|Hard Kombucha|Session IPA|Double IPA|Brown Ale|Blonde Ale"
        "|Saison|Kolsch|Light Beer|Mexican Lager|Premium Lager|Craft Beer Variety Pack!"
        "|Hard Lemonade|Shandy|Belgian Tripel|Imperial Stout|Wine Cooler|Malt Beverage"
        "|Non Alcoholic Beer|Hazy IPA|Cream Ale|Red Ale|Oktoberfest|Winter Ale"
    ),
    "red wines": (
        "Cabernet Sauvignon|Pinot Noir|Merlot|Malbec|Zinfandel|Syrah|Shiraz|Red Blend|Chianti"
        "|Tempranillo|Rioja|Sangiovese|Grenache|Petite Sirah|Cabernet Franc|Bordeaux"
        "|Cotes Du Rhone|Montepulciano D'Abruzzo|Beaujolais|Barbera|Carmenere|Primitivo"
        "|Nero D'Avola|Rosso|Super Tuscan|Garnacha|Red Table Wine"
    ),
    "honeys syrups nectars": (
        "Honey|Raw Honey|Manuka Honey|Clover Honey|Wildflower Honey|Honey Bear|Maple Syrup"
        "|Pure Maple Syrup|Agave Nectar|Pancake Syrup|Simple Syrup|Date Syrup|Molasses"
        "|Honeycomb|Coconut Nectar|Brown Rice Syrup|Creamed Honey|Light Corn Syrup"
        "|Chocolate Syrup|Flavored Syrup"
    ),
    "latino foods": (
        "Refried Beans|Salsa Verde|Chipotle Peppers in Adobo|Enchilada Sauce|Taco Shells"
        "|Tostadas|Mole Sauce|Hominy|Black Beans|Pinto Beans|Green Chiles|Pickled Jalapenos"
        "|Masa Harina|Chorizo Seasoning|Taco Sauce|Horchata Mix|Tamales|Dulce De Leche"
        "|Queso Dip|Sofrito|Adobo Seasoning|Tortilla Chips|Nopalitos|Arroz Con Pollo Mix"
        "|Yellow Rice|Salsa Roja|Chile Powder|Guava Paste"
    ),
    "refrigerated": (
        "Orange Juice|Lemonade|Cold Pressed Juice|Kombucha|Green Juice|Coconut Water|Iced Tea"
        "|Cold Brew Coffee|Fruit Smoothie|Protein Shake|Apple Juice|Grapefruit Juice"
        "|Ginger Shot|Wellness Shot|Probiotic Drink|Vegetable Juice|Watermelon Juice|Limeade"
        "|Juice Blend|Peach Mango Juice!|Aloe Vera Drink|Sweet Tea"
    ),
    "packaged produce": (
        "Salad Kit|Baby Carrots|Celery Sticks|Snap Peas|Fruit Cup|Veggie Tray|Fruit Tray"
        "|Stir Fry Vegetables|Spiralized Zucchini|Cauliflower Rice|Mushrooms|Sliced Apples"
        "|Guacamole Cups|Mixed Greens|Broccoli Florets|Green Beans|Brussels Sprouts"
        "|Butternut Squash Cubes|Pomegranate Arils|Cut Pineapple|Mango Chunks"
        "|Watermelon Chunks|Coleslaw Mix"
    ),
    "kosher foods": (
        "Matzo|Matzo Ball Soup Mix|Gefilte Fish|Egg Noodles|Potato Latkes|Borscht|Horseradish"
        "|Challah|Kugel|Macaroons|Rugelach|Halvah|Babka|Tzimmes|Kosher Dill Pickles"
        "|Chopped Liver|Hummus|Schmaltz|Potato Starch|Matzo Meal|Honey Cake|Mandel Bread"
        "|Passover Cake Mix|Kosher Salt"
    ),
    "frozen meat seafood": (
        "Chicken Breasts|Chicken Tenders|Chicken Nuggets|Shrimp|Cooked Shrimp|Salmon Fillets"
        "|Tilapia Fillets|Cod Fillets|Fish Sticks|Battered Fish|Crab Legs|Lobster Tails"
        "|Scallops|Turkey Burgers|Beef Burgers|Chicken Wings|Meatballs|Mahi Mahi"
        "|Ahi Tuna Steaks|Breaded Shrimp|Chicken Strips|Popcorn Chicken|Calamari"
        "|Swordfish Steaks"
    ),
    "poultry counter": (
        "Chicken Breast|Chicken Thighs|Chicken Drumsticks|Chicken Wings|Whole Chicken"
        "|Ground Chicken|Ground Turkey|Turkey Breast|Chicken Tenderloins|Cornish Hen"
        "|Duck Breast|Rendered Duck Fat!|Chicken Sausage|Turkey Cutlets|Chicken Leg Quarters"
        "|Whole Turkey|Chicken Kabobs|Split Chicken Breast"
    ),
    "butter": (
        "Butter|Salted Butter|Unsalted Butter|Sweet Cream Butter|Cultured Butter"
        "|Whipped Butter|European Style Butter|Butter Sticks|Spreadable Butter|Ghee"
        "|Plant Based Butter|Butter With Canola Oil|Irish Butter|Garlic Butter|Honey Butter"
        "|Margarine|Vegan Butter|Clarified Butter|Buttery Spread"
    ),
    "ice cream ice": (
        "Ice Cream|Gelato|Sorbet|Frozen Yogurt|Ice Cream Bars|Ice Cream Sandwiches|Popsicles"
        "|Fruit Bars|Ice Pops|Non-Dairy Frozen Dessert|Light Ice Cream|Mochi Ice Cream"
        "|Ice Cream Cones|Sherbet|Italian Ice|Frozen Custard|Ice Cream Cake|Bag of *Ice!"
        "|Ice Cubes!|Shaved Ice|Dairy Free Ice Cream|Protein Ice Cream|Frozen Fruit Bars"
        "|Coconut Milk Frozen Dessert"
    ),
    "frozen meals": (
        "Frozen Meal|Bowl|Lasagna|Mac & Cheese|Burrito|Enchiladas|Pot Pie|Chicken Alfredo"
        "|Fettuccine Alfredo|Rigatoni With Vodka Cream Sauce|Mini Rigatoni|Stir Fry|Fried Rice"
        "|Pad Thai|Tikka Masala|Teriyaki Bowl|Salisbury Steak|Meatloaf Dinner|Turkey Dinner"
        "|Chicken Parmesan|Ravioli|Tortellini|Shepherd's Pie|Chicken Fried Rice|Burrito Bowl"
        "|Power Bowl|Pasta Primavera|Skillet Meal|Potstickers|Dumplings|Tamales|Quesadilla"
        "|Chicken Pot Pie|Grilled Chicken Marsala|Beef Stroganoff|Risotto"
    ),
    "seafood counter": (
        "Salmon Fillet|Atlantic Salmon|Sockeye Salmon|Cod Fillet|Halibut Fillet|Tilapia|Shrimp"
        "|Jumbo Shrimp|Sea Scallops|Mussels|Clams|Oysters|Tuna Steak|Swordfish|Mahi Mahi"
        "|Rainbow Trout|Sea Bass|Crab Legs|Lobster Tail|Catfish Fillet|Branzino|Red Snapper"
    ),
    "dog food care": (
        "Dry Dog Food|Wet Dog Food|Puppy Food|Dog Treats|Dog Biscuits|Dental Chews"
        "|Jerky Dog Treats|Rawhide Chews|Bully Sticks!|Dog Food Topper|Dog Shampoo!|Poop Bags!"
        "|Flea & Tick Collar!|Chew Toy!|Training Treats|Dog Food Pouches|Puppy Pads!"
        "|Bone Broth for Dogs|Canned Dog Food|Senior Dog Food"
    ),
    "cat food care": (
        "Dry Cat Food|Wet Cat Food|Kitten Food|Cat Treats|Cat Litter!|Clumping Cat Litter!"
        "|Cat Food Pouches|Canned Cat Food|Cat Toy!|Catnip!|Hairball Remedy!|Cat Food Topper"
        "|Lickable Cat Treats|Litter Box Liners!|Scratching Pad!|Cat Dental Treats"
        "|Senior Cat Food|Indoor Cat Food"
    ),
    "frozen vegan vegetarian": (
        "Veggie Burgers|Plant Based Burgers|Meatless Nuggets|Vegan Pizza|Veggie Bowl"
        "|Vegan Mac & Cheese|Falafel|Veggie Meatballs|Plant Based Chicken Tenders"
        "|Black Bean Burgers|Vegan Burrito|Cauliflower Crust Pizza|Veggie Sausage Patties"
        "|Meatless Crumbles|Vegan Enchiladas|Tofu Bowl|Plant Based Breakfast Sandwich"
        "|Lentil Curry|Vegan Dumplings|Veggie Lasagna"
    ),
    "buns rolls": (
        "Hamburger Buns|Hot Dog Buns|Dinner Rolls|Brioche Buns|Kaiser Rolls|Hoagie Rolls"
        "|Slider Buns|Potato Rolls|Ciabatta Rolls|Pretzel Buns|Sub Rolls|Hawaiian Sweet Rolls"
        "|Crescent Rolls|Parker House Rolls|Sandwich Thins|Club Rolls|Bolillos|Soft Pretzels"
        "|Knot Rolls|Burger Buns"
    ),
    "eye ear care": (
        "Eye Drops|Lubricant Eye Drops|Contact Lens Solution|Saline Solution|Eye Wash"
        "|Ear Drops|Earwax Removal Kit|Ear Plugs!|Cotton Swabs!|Reading Glasses!|Eye Mask!"
        "|Redness Relief Drops|Allergy Eye Drops|Contact Lens Case!|Lens Cleaning Wipes!"
        "|Swimmer's Ear Drops"
    ),
    "candy chocolate": (
        "Milk Chocolate Bar|Dark Chocolate Bar|Chocolate Bar|Peanut Butter Cups|Gummy Bears"
        "|Gummy Worms|Sour Gummies|Jelly Beans|Hard Candy|Lollipops|Licorice|Caramels"
        "|Chocolate Truffles|Toffee|Mints|Chocolate Covered Almonds|Chocolate Covered Pretzels"
        "|Fudge|Marshmallows|Candy Bar|Fun Size Bars|Chocolate Squares|Peppermint Patties"
        "|Taffy|Chewy Candy|Candy Corn|Chocolate Eggs|Brittle|Cotton Candy|Rock Candy"
        "|Fruit Chews|Chocolate Coins|Nonpareils|Malted Milk Balls|Bonbons|Pralines"
        "|Chocolate Wafer Bar|Sugar Free Hard Candy|Stone Ground Chocolate"
        "|Bittersweet Chocolate"
    ),
    "mint gum": (
        "Chewing Gum|Sugar Free Gum|Bubble Gum|Breath Mints|Mints|Sugar Free Mints|Gum Pellets"
        "|Mint Tin|Xylitol Gum|Nicotine Gum|Whitening Gum|Gum Sticks|Mint Rolls|Breath Strips"
        "|Throat Mints"
    ),
    "vitamins supplements": (
        "Multivitamin|Vitamin C|Vitamin D3|Vitamin B12|Vitamin B Complex|Vitamin E|Magnesium"
        "|Calcium With Vitamin D|Zinc|Iron|Fish Oil|Omega 3|Probiotic|Biotin|Turmeric Curcumin"
        "|Elderberry|Melatonin|Collagen Peptides|CoQ10|Folic Acid|Prenatal Multivitamin"
        "|Apple Cider Vinegar|Ashwagandha|Glucosamine Chondroitin|Vitamin K2|Krill Oil"
        "|Echinacea|Milk Thistle|Cranberry Extract|Garlic Extract|Green Superfood"
        "|Hair Skin & Nails|Electrolyte Powder|Fiber Supplement|Lutein|Potassium|Vitamin A"
        "|Spirulina|Sleep Support|Immune Support"
    ),
    "breakfast bars pastries": (
        "Toaster Pastries|Breakfast Bars|Soft Baked Breakfast Bars|Cereal Bars"
        "|Breakfast Biscuits|Frosted Toaster Pastries|Oat Bars|Breakfast Cookies"
        "|Fruit Filled Bars|Granola Bites|Toaster Strudels|Breakfast Squares|Muffin Bars"
        "|Protein Breakfast Bars|Waffle Bars"
    ),
    "packaged poultry": (
        "Chicken Breasts|Chicken Thighs|Turkey Burgers|Chicken Sausage|Ground Turkey"
        "|Chicken Tenders|Chicken Wings|Turkey Bacon|Grilled Chicken Strips"
        "|Rotisserie Seasoned Chicken|Chicken Meatballs|Turkey Meatballs|Chicken Drumsticks"
        "|Turkey Breast Tenderloin|Chicken Burgers"
    ),
    "fruit vegetable snacks": (
        "Fruit Snacks|Fruit Leather|Applesauce Pouches|Dried Fruit Crisps|Veggie Straws"
        "|Apple Chips|Banana Chips|Fruit Strips|Freeze Dried Strawberries!|Kale Chips"
        "|Seaweed Snacks|Veggie Crisps|Fruit Bars|Coconut Chips|Mango Slices!|Beet Chips"
        "|Snap Pea Crisps|Fruit Twists|Fruit Bites|Fruit Ropes"
    ),
    "preserved dips spreads": (
        "Salsa|Queso Dip|Bean Dip|Spinach Artichoke Dip|French Onion Dip|Artichoke Hearts"
        "|Roasted Red Peppers|Bruschetta|Tapenade|Pesto Spread|Chutney|Mango Chutney"
        "|Baba Ganoush|Eggplant Spread|Cheese Dip|Salsa Con Queso|Taco Dip|Relish"
        "|Sun Dried Tomato Spread|Pepper Jelly|Ajvar|Harissa"
    ),
    "frozen breakfast": (
        "Waffles|Pancakes|French Toast Sticks|Breakfast Sandwiches|Breakfast Burritos"
        "|Hash Browns|Sausage Patties|Egg Bites|Breakfast Bowl|Toaster Waffles|Mini Pancakes"
        "|Croissant Sandwiches|Biscuit Sandwiches|Scrambled Egg Whites|Sausage Links"
        "|Breakfast Wraps|Protein Waffles|Egg White Patties"
    ),
    "cream": (
        "Heavy Cream|Heavy Whipping Cream|Half & Half|Light Cream|Whipped Cream|Coffee Creamer"
        "|Sour Cream|Creme Fraiche|Whipped Topping|Non-Dairy Creamer|Clotted Cream"
        "|Oat Milk Creamer|Almond Milk Creamer|Coconut Creamer|Crema Mexicana"
    ),
    "paper goods": (
        "Paper Towels|Toilet Paper|Facial Tissues|Napkins|Bath Tissue|Tissue Cubes"
        "|Dinner Napkins|Select A Size Paper Towels|Bathroom Tissue|Flushable Wipes"
        "|Cocktail Napkins|Kitchen Roll|Pocket Tissues"
    ),
    "shave needs": (
        "Razor|Disposable Razors|Razor Blade Refills|Shave Gel|Shaving Cream|Aftershave Balm"
        "|Pre Shave Oil|Beard Oil|Beard Trimmer!|Shave Butter|Razor Cartridges"
        "|Safety Razor Blades|Aftershave Lotion|Hair Removal Cream|Wax Strips|Styptic Pencil!"
    ),
    "diapers wipes": (
        "Diapers|Overnight Diapers|Baby Wipes|Training Pants|Swim Diapers|Sensitive Wipes"
        "|Diaper Rash Cream|Cloth Diapers|Newborn Diapers|Water Wipes|Diaper Pail Refills!"
        "|Hand & Face Wipes|Nighttime Underwear|Baby Wipes Refill"
    ),
    "granola": (
        "Granola|Grain Free Granola|Granola Clusters|Protein Granola|Low Sugar Granola"
        "|Ancient Grain Granola|Muesli|Granola Bites|Keto Granola|Paleo Granola"
        "|Nut Butter Granola|Coconut Granola|Oat Clusters"
    ),
    "frozen breads doughs": (
        "Garlic Bread|Texas Toast|Dinner Rolls|Pizza Dough|Puff Pastry|Pie Crust|Phyllo Dough"
        "|Croissant Dough|Biscuit Dough|Cookie Dough|Bread Dough|Garlic Knots|Naan|Bagels"
        "|English Muffins|Cinnamon Rolls|Crescent Dough Sheet"
    ),
    "canned meals beans": (
        "Black Beans|Kidney Beans|Pinto Beans|Garbanzo Beans|Cannellini Beans|Baked Beans"
        "|Refried Beans|Chili With Beans|Chili No Beans|Great Northern Beans|Navy Beans"
        "|Lentils|Black Eyed Peas|Butter Beans|Ravioli in Meat Sauce!|Spaghetti & Meatballs"
        "|Beef Stew|Chicken & Dumplings|Pork & Beans|Mixed Beans|Adzuki Beans|Three Bean Salad"
        "|Vegetarian Chili|Turkey Chili|Corned Beef Hash"
    ),
    "trash bags liners": (
        "Tall Kitchen Trash Bags|Large Trash Bags|Outdoor Trash Bags|Small Trash Bags"
        "|Drawstring Trash Bags|Compostable Bags|Lawn & Leaf Bags|Contractor Bags"
        "|Wastebasket Liners|Recycling Bags|Flex Trash Bags|Heavy Duty Trash Bags"
    ),
    "cookies cakes": (
        "Chocolate Sandwich Cookies|Chocolate Chip Cookies|Oatmeal Raisin Cookies"
        "|Sugar Cookies|Shortbread Cookies|Snickerdoodles|Wafer Cookies|Graham Crackers"
        "|Animal Crackers|Fig Bars|Ginger Snaps|Biscotti|Butter Cookies|Peanut Butter Cookies"
        "|Soft Baked Cookies|Snack Cakes|Cupcakes|Brownie Bites|Macaroons|Cookie Thins"
        "|Vanilla Wafers|Lemon Cookies|Mini Cookies|Sandwich Creme Cookies|Mini Donuts"
        "|Cream Filled Cakes|Coffee Cake|Honey Buns|Pound Cake|Swiss Rolls|Sponge Cake"
        "|Cookie Dough Bites|Digestive Biscuits|Stroopwafels|Ladyfingers|Madeleines"
        "|Linzer Cookies|Fudge Stripe Cookies"
    ),
    "white wines": (
        "Chardonnay|Sauvignon Blanc|Pinot Grigio|Pinot Gris|Riesling|Moscato|Rose|White Blend"
        "|Gewurztraminer|Viognier|Albarino|Chenin Blanc|Gruner Veltliner|Vinho Verde|Sancerre"
        "|Soave|Muscadet|Torrontes|White Zinfandel|Semillon"
    ),
    "grains rice dried goods": (
        "Long Grain White Rice|Brown Rice|Jasmine Rice|Basmati Rice|Wild Rice Blend"
        "|Arborio Rice|Quinoa|Tri Color Quinoa|Couscous|Pearl Couscous|Red Lentils"
        "|Green Lentils|Dried Black Beans|Split Peas|Pearl Barley|Farro|Bulgur Wheat|Millet"
        "|Steel Cut Oats|Polenta|Rice Pilaf Mix|Sushi Rice|Black Rice|Microwave Rice"
        "|Quinoa Three Cheese & Mushroom Blend!|Grain Blend|Chia Seeds|Freekeh|Sorghum"
    ),
    "energy sports drinks": (
        "Sports Drink|Energy Drink|Electrolyte Drink|Sugar Free Energy Drink"
        "|Zero Sugar Sports Drink|Energy Shot|Recovery Drink|Hydration Multiplier"
        "|Electrolyte Water|Coconut Water Sports Drink|Pre Workout Drink|Protein Water"
        "|Caffeinated Sparkling Water|Isotonic Drink|Electrolyte Tablets"
    ),
    "protein meal replacements": (
        "Protein Powder|Whey Protein|Plant Protein Powder|Protein Shake|Meal Replacement Shake"
        "|Protein Bar|Collagen Protein|Nutrition Drink|Casein Protein|Mass Gainer|Pea Protein"
        "|Egg White Protein|Ready To Drink Protein Shake|Meal Replacement Powder"
        "|High Protein Nutrition Shake|Keto Shake|Enrich Drink"
    ),
    "asian foods": (
        "Soy Sauce|Teriyaki Sauce|Hoisin Sauce|Sriracha|Fish Sauce|Oyster Sauce|Rice Noodles"
        "|Udon Noodles|Soba Noodles|Ramen|Coconut Milk|Red Curry Paste|Green Curry Paste"
        "|Seaweed Snacks|Nori Sheets|Rice Paper|Raw Veggie Wrappers!|Miso Paste|Gochujang"
        "|Sesame Seeds|Panko|Wonton Wrappers|Water Chestnuts|Bamboo Shoots|Chili Garlic Sauce"
        "|Sweet Chili Sauce|Ponzu|Mirin|Rice Crackers|Kimchi|Stir Fry Sauce|Pad Thai Sauce"
        "|Egg Noodles|Tamari|Furikake|Fried Onions|Sambal Oelek|Black Bean Sauce|Pho Broth"
    ),
    "fresh dips tapenades": (
        "Hummus|Guacamole|Tzatziki|Salsa Fresca|Pico De Gallo|Spinach Dip|Olive Tapenade"
        "|Baba Ganoush|Bean Dip|Pimento Cheese|Buffalo Chicken Dip|Queso|Artichoke Dip"
        "|Muhammara|White Bean Dip|Tahini Dip|Onion Dip|Crab Dip|Smoked Salmon Dip"
        "|Edamame Hummus"
    ),
    "bulk grains rice dried goods": (
        "Rolled Oats|Steel Cut Oats|Brown Rice|White Rice|Quinoa|Red Lentils|Green Lentils"
        "|Split Peas|Black Beans|Pinto Beans|Chickpeas|Pearl Barley|Farro|Millet|Couscous"
        "|Flaxseed|Chia Seeds|Buckwheat Groats|Amaranth|Popcorn Kernels|Cornmeal|Wheat Berries"
        "|Granola|Trail Mix|Raw Almonds|Walnut Halves"
    ),
    "soup broth bouillon": (
        "Soup|Chicken Broth|Beef Broth|Vegetable Broth|Bone Broth|Chicken Stock|Beef Stock"
        "|Bouillon Cubes|Bouillon Base|Condensed Soup|Chunky Soup|Ramen Soup|Soup Mix"
        "|Miso Soup|Pho Broth|Cooking Stock|Ready To Serve Soup|Hearty Soup|Chowder|Bisque"
        "|Chicken With Rice Soup!|Chili"
    ),
    "digestion": (
        "Probiotic|Fiber Supplement|Antacid Tablets|Stool Softener|Laxative|Gas Relief"
        "|Digestive Enzymes|Heartburn Relief|Acid Reducer|Anti Diarrheal|Ginger Chews"
        "|Prebiotic Fiber|Psyllium Husk|Bismuth Liquid|Activated Charcoal|Lactase Enzyme"
        "|Nausea Relief|Colon Cleanse|Digestive Bitters"
    ),
    "refrigerated pudding desserts": (
        "Pudding Cups|Rice Pudding|Chocolate Pudding|Tapioca Pudding|Gelatin Cups"
        "|Gelatin Snacks|Flan|Creme Brulee|Panna Cotta|Cheesecake Cups|Mousse|Tiramisu Cups"
        "|Parfait|Chia Pudding|Custard|Key Lime Pie Cups|Banana Pudding|Edible Cookie Dough"
    ),
    "condiments": (
        "Ketchup|Yellow Mustard|Dijon Mustard|Spicy Brown Mustard|Whole Grain Mustard"
        "|Mayonnaise|Hot Sauce|Relish|Horseradish|Tartar Sauce|Cocktail Sauce"
        "|Worcestershire Sauce|Steak Sauce|Aioli|Sriracha Mayo|Honey Mustard|Vegan Mayo"
        "|Avocado Oil Mayo|Chipotle Mayo|Fry Sauce|Burger Sauce|Green Chile Anytime Sauce!"
        "|Pepper Sauce|Buffalo Sauce|Sweet Relish|Dill Relish|Hot Pepper Relish"
    ),
    "facial care": (
        "Face Wash|Facial Cleanser|Face Moisturizer|Night Cream|Eye Cream|Serum"
        "|Vitamin C Serum|Retinol Serum|Toner|Micellar Water|Makeup Remover Wipes|Face Mask"
        "|Sheet Mask|Exfoliating Scrub|Acne Spot Treatment|Facial Sunscreen|Cleansing Balm"
        "|Hyaluronic Acid Serum|Face Oil|Blotting Papers!|Cleansing Cloths|Pore Strips"
    ),
    "dish detergents": (
        "Dish Soap|Dishwasher Detergent|Dishwasher Pods|Dishwasher Pacs|Rinse Aid"
        "|Dishwasher Cleaner|Dishwashing Liquid|Dish Wand Refills|Dishwasher Gel"
        "|Dishwasher Tabs|Hand Dish Soap|Dish Spray"
    ),
    "laundry": (
        "Laundry Detergent|Laundry Pods|Liquid Laundry Detergent|Powder Detergent"
        "|Fabric Softener|Dryer Sheets|Stain Remover|Bleach|Color Safe Bleach|Laundry Booster"
        "|Wool Dryer Balls!|Scent Beads|Oxi Stain Remover|Laundry Sanitizer|Delicate Wash"
        "|Starch Spray|Wrinkle Releaser|HE Laundry Detergent"
    ),
    "indian foods": (
        "Tikka Masala Sauce|Butter Chicken Sauce|Curry Paste|Naan|Basmati Rice|Dal Makhani"
        "|Chana Masala|Palak Paneer|Mango Chutney|Tamarind Chutney|Papadums|Ghee|Garam Masala"
        "|Lime Pickle|Samosas|Vindaloo Sauce|Korma Sauce|Madras Curry Sauce|Biryani Kit"
        "|Masala Chai Mix"
    ),
    "soft drinks": (
        "Soda|Cola|Diet Cola|Root Beer|Ginger Ale|Lemon Lime Soda|Orange Soda|Grape Soda"
        "|Cream Soda|Club Soda|Tonic Water|Ginger Beer|Cherry Cola|Vanilla Cola"
        "|Zero Sugar Soda|Craft Soda|Italian Soda|Prebiotic Soda|Sparkling Lemonade|Birch Beer"
        "|Sarsaparilla|Cocktail Mixer|Bitter Lemon"
    ),
    "crackers": (
        "Crackers|Water Crackers|Wheat Crackers|Saltine Crackers|Rice Crackers|Cheese Crackers"
        "|Graham Crackers|Multigrain Crackers|Crispbread|Flatbread Crackers|Seed Crackers"
        "|Pita Crackers|Sandwich Crackers|Snack Crackers|Thin Crisps|Oyster Crackers"
        "|Butter Crackers|Cheddar Crackers|Almond Flour Crackers|Sourdough Crackers|Rye Crisps"
        "|Cracker Thins"
    ),
    "frozen pizza": (
        "Pizza|Thin Crust Pizza|Rising Crust Pizza|Stuffed Crust Pizza|Pizza Rolls"
        "|French Bread Pizza|Pizza Bites|Flatbread Pizza|Cauliflower Crust Pizza"
        "|Deep Dish Pizza|Personal Pizza|Pizza for One|Wood Fired Pizza|Brick Oven Pizza"
        "|Naan Pizza|Mini Pizzas|Pizza Snacks|Calzone|Stromboli"
    ),
    "deodorants": (
        "Deodorant|Antiperspirant|Natural Deodorant|Clinical Strength Antiperspirant"
        "|Invisible Solid Antiperspirant|Body Spray|Deodorant Stick|Roll On Deodorant"
        "|Gel Antiperspirant|Dry Spray Antiperspirant|Aluminum Free Deodorant"
        "|Crystal Deodorant|Deodorant Cream"
    ),
    "canned jarred vegetables": (
        "Green Beans|Cut Green Beans|French Style Green Beans|Sweet Corn|Whole Kernel Corn"
        "|Cream Style Corn|Sweet Peas|Diced Tomatoes|Whole Peeled Tomatoes|Crushed Tomatoes"
        "|Tomato Sauce|Sliced Carrots|Mixed Vegetables|Beets|Artichoke Hearts|Sliced Mushrooms"
        "|Pumpkin Puree|Yams|Spinach|Sauerkraut|Hearts of Palm|Roasted Red Peppers"
        "|Fire Roasted Tomatoes|Stewed Tomatoes|Petite Diced Tomatoes|Tomato Paste"
        "|Collard Greens|Asparagus Spears|Water Chestnuts"
    ),
    "baby accessories": (
        "Baby Bottles|Pacifiers|Sippy Cup|Bottle Nipples|Teether|Bibs|Burp Cloths|Bottle Brush"
        "|Baby Spoons|Snack Cup|Breast Milk Storage Bags|Nursing Pads|Baby Nail Clippers"
        "|Baby Thermometer|Nasal Aspirator|Pacifier Clip|Formula Dispenser"
    ),
    "fresh vegetables": (
        "Baby Spinach|Spinach|Broccoli Crown|Broccoli|Cauliflower|Carrots|Bunch of *Carrots"
        "|Celery|Cucumber|English Cucumber|Red Bell Pepper|Green Bell Pepper"
        "|Yellow Bell Pepper|Orange Bell Pepper|Jalapeno Pepper|Yellow Onion|Red Onion"
        "|Sweet Onion|White Onion|Garlic|Russet Potato|Red Potatoes|Yukon Gold Potatoes"
        "|Sweet Potato|Zucchini|Yellow Squash|Butternut Squash|Spaghetti Squash|Acorn Squash"
        "|Asparagus|Green Beans|Brussels Sprouts|Kale|Lacinato Kale|Romaine Lettuce"
        "|Romaine Hearts|Iceberg Lettuce|Green Leaf Lettuce|Red Leaf Lettuce|Butter Lettuce"
        "|Cabbage|Red Cabbage|Napa Cabbage|Bok Choy|Eggplant|Mushrooms|Cremini Mushrooms"
        "|Portobello Mushrooms|Shiitake Mushrooms|Tomatoes|Roma Tomato|Cherry Tomatoes"
        "|Grape Tomatoes|Heirloom Tomatoes|Tomatoes On The Vine|Corn On The Cob|Beets|Radishes"
        "|Turnips|Parsnips|Leeks|Fennel Bulb|Artichoke|Serrano Pepper|Poblano Pepper"
        "|Habanero Pepper|Snap Peas|Snow Peas|Okra|Swiss Chard|Collard Greens|Arugula|Jicama"
        "|Celery Root|Shallot|Rhubarb"
    ),
    "milk": (
        "Milk|Whole Milk|Reduced Fat Milk|Low Fat Milk|Fat Free Milk|Chocolate Milk|Buttermilk"
        "|Goat Milk|Lactose Free Milk|Ultra Filtered Milk|Raw Milk|A2 Milk"
        "|Milk With DHA Omega-3|Strawberry Milk|Eggnog|Kefir|Organic Whole Milk!"
    ),
    "food storage": (
        "Plastic Wrap|Aluminum Foil|Heavy Duty Aluminum Foil|Parchment Paper|Wax Paper"
        "|Zipper Storage Bags|Freezer Bags|Sandwich Bags|Snack Bags|Slider Storage Bags"
        "|Food Storage Containers|Reusable Silicone Bags|Beeswax Wraps|Cling Wrap"
        "|Vacuum Sealer Bags|Glass Storage Containers|Deli Containers|Baking Cups"
    ),
    "eggs": (
        "Large Eggs|Extra Large Eggs|Jumbo Eggs|Medium Eggs|Brown Eggs|White Eggs"
        "|Large Brown Eggs|Large White Eggs|Egg Whites|Liquid Egg Whites|Hard Boiled Eggs"
        "|Duck Eggs|Quail Eggs|Liquid Eggs|Egg Substitute|Grade A Large Eggs"
    ),
    "more household": (
        "Light Bulbs|LED Light Bulbs|AA Batteries!|AAA Batteries!|9V Batteries!|Matches!"
        "|Lighter|Candles|Extension Cord|Picture Hooks|Duct Tape|Super Glue!|Rubber Gloves"
        "|Lint Roller|Shoe Polish|Mouse Traps!|Ant Bait!|Bug Spray|Insect Repellent"
        "|Charcoal Briquettes!|Lighter Fluid!|Firestarter!|Ice Melt!|Storage Bins|Hangers"
        "|Clothespins|Sewing Kit!|Phone Charging Cable|Notebook|Gel Pens|Masking Tape|Scissors"
        "|Envelopes|Plant Food!|Potting Mix!"
    ),
    "spreads": (
        "Peanut Butter|Creamy Peanut Butter|Crunchy Peanut Butter|Almond Butter|Cashew Butter"
        "|Sunflower Seed Butter|Hazelnut Spread|Chocolate Hazelnut Spread|Strawberry Jam"
        "|Grape Jelly|Raspberry Preserves|Apricot Preserves|Orange Marmalade|Fruit Spread"
        "|Apple Butter|Cookie Butter|Honey Butter|Tahini|Lemon Curd|Fig Jam|Blackberry Jam"
        "|Powdered Peanut Butter|Marshmallow Creme|Pepper Jelly"
    ),
    "salad dressing toppings": (
        "Ranch Dressing|Caesar Dressing|Italian Dressing|Balsamic Vinaigrette"
        "|Blue Cheese Dressing|Thousand Island Dressing|Honey Mustard Dressing"
        "|Greek Vinaigrette|Raspberry Vinaigrette|Sesame Ginger Dressing|Poppyseed Dressing"
        "|French Dressing|Green Goddess Dressing|Lemon Tahini Dressing|Croutons|Salad Toppers"
        "|Bacon Bits|Crispy Onions|Sunflower Kernels|Candied Pecans|Tortilla Strips"
        "|Cilantro Lime Vinaigrette|Avocado Ranch|Chipotle Ranch|Red Wine Vinaigrette"
    ),
    "cocoa drink mixes": (
        "Hot Cocoa Mix|Hot Chocolate|Drink Mix|Powdered Drink Mix|Lemonade Mix|Iced Tea Mix"
        "|Chocolate Milk Mix|Malted Milk Powder|Water Enhancer|Drink Mix Packets"
        "|Golden Milk Mix|Chai Latte Mix|Matcha Latte Mix|Cider Mix"
        "|Effervescent Powdered Drink Mix"
    ),
    "soy lactosefree": (
        "Almond Milk|Oat Milk|Soy Milk|Coconut Milk|Cashew Milk|Rice Milk|Lactose Free Milk"
        "|Pea Milk|Hemp Milk|Macadamia Milk|Flax Milk|Almondmilk Yogurt|Oat Yogurt"
        "|Coconut Yogurt|Dairy Free Cheese Shreds|Vegan Cream Cheese|Oat Creamer"
        "|Lactose Free Cottage Cheese|Plant Based Milk"
    ),
    "baby food formula": (
        "Infant Formula|Toddler Formula|Baby Food Pouch|Baby Food Puree|Baby Cereal"
        "|Oatmeal Baby Cereal|Puffs|Teething Wafers|Yogurt Melts|Toddler Snacks|Baby Food Jar"
        "|Sensitive Formula|Soy Infant Formula|Gentle Formula|Toddler Milk Drink"
        "|Veggie Straws for Toddlers|Toddler Meal|Fruit & Veggie Blend|Rice Rusks"
    ),
    "breakfast bakery": (
        "Bagels|Plain Bagels!|Everything Bagels!|Muffins|English Muffins|Croissants|Donuts"
        "|Glazed Donuts|Cinnamon Rolls|Danish|Scones|Coffee Cake|Banana Bread|Zucchini Bread"
        "|Crumb Cake|Mini Muffins|Muffin Tops|Sticky Buns|Bear Claw|Kolache|Pain Au Chocolat!"
        "|Breakfast Loaf|Biscuits"
    ),
    "tea": (
        "Green Tea|Black Tea|Herbal Tea|Oolong Tea|White Tea|Chai Tea|Matcha Powder"
        "|Earl Grey Tea|English Breakfast Tea|Chamomile Tea|Peppermint Tea|Rooibos Tea"
        "|Iced Tea|Sweet Tea|Tea Bags|Loose Leaf Tea|Yerba Mate|Kombucha|Sparkling Tea"
        "|Tea Latte Concentrate|Wellness Tea|Sleep Tea|Detox Tea|Bottled Tea"
        "|Cold Brew Tea Bags|Jasmine Tea|Hibiscus Tea|Throat Soothing Tea|Decaf Green Tea"
    ),
    "canned meat seafood": (
        "Chunk Light Tuna|Solid White Albacore Tuna|Tuna in Water!|Tuna in Olive Oil!"
        "|Pink Salmon|Red Sockeye Salmon|Sardines|Anchovies|Kipper Snacks|Chunk Chicken Breast"
        "|Corned Beef|Luncheon Meat|Vienna Sausages|Canned Ham|Crab Meat|Smoked Oysters|Clams"
        "|Mackerel|Tuna Pouch|Salmon Pouch|Tuna Salad Kit|Potted Meat"
    ),
    "lunch meat": (
        "Turkey Breast|Smoked Turkey|Ham|Black Forest Ham|Honey Ham|Roast Beef|Salami"
        "|Genoa Salami|Pepperoni|Bologna|Pastrami|Corned Beef|Chicken Breast|Prosciutto"
        "|Capicola|Mortadella|Oven Roasted Turkey|Deli Chicken|Sopressata|Lunch Kit|Chorizo"
        "|Liverwurst|Cheese & Cracker Snack Pack!"
    ),
    "baking supplies decor": (
        "Cupcake Liners|Sprinkles|Food Coloring|Birthday Candles|Cake Decorating Icing|Fondant"
        "|Baking Cups|Cake Pan|Muffin Pan|Cookie Sheet|Pie Pan|Loaf Pan|Piping Bags"
        "|Decorating Tips|Edible Glitter|Colored Sugar|Candy Melts|Cake Toppers|Cookie Cutters"
        "|Silicone Baking Mat|Round Cake Pan|Springform Pan|Parchment Rounds|Writing Icing"
    ),
    "juice nectars": (
        "Orange Juice|Apple Juice|Grape Juice|Cranberry Juice Cocktail|Pineapple Juice"
        "|Grapefruit Juice|Tomato Juice|Vegetable Juice|Lemonade|Fruit Punch|Mango Nectar"
        "|Peach Nectar|Pear Nectar|Guava Nectar|Apricot Nectar|Juice Boxes|Coconut Water"
        "|Pure Coconut Water|Cherry Juice|Pomegranate Juice|Prune Juice|Carrot Juice"
        "|Aloe Vera Juice|Tart Cherry Juice|Juice Drink|Sparkling Juice|Concord Grape Juice"
        "|Beet Juice|Cold Pressed Juice|Enrich Drink"
    ),
    "canned fruit applesauce": (
        "Applesauce|Applesauce Cups|Applesauce Pouches|Peach Halves|Sliced Peaches|Pear Halves"
        "|Mandarin Oranges|Pineapple Chunks|Pineapple Tidbits|Crushed Pineapple|Fruit Cocktail"
        "|Mixed Fruit|Cherries|Maraschino Cherries|Cranberry Sauce|Jellied Cranberry Sauce"
        "|Mango Slices|Apricot Halves|Unpeeled Apricot Halves in Heavy Syrup!|Fruit Cups"
        "|Diced Peaches|Grapefruit Sections|Pie Filling|Lychees in Syrup!"
    ),
    "air fresheners candles": (
        "Air Freshener|Air Freshener Spray|Plug In Refills|Scented Candle|Jar Candle"
        "|Soy Candle|Tea Lights|Taper Candle|Pillar Candle|Reed Diffuser|Car Air Freshener"
        "|Odor Eliminator|Room Spray|Wax Melts|Fabric Refresher|Gel Air Freshener"
        "|Votive Candles|Essential Oil Diffuser Blend"
    ),
    "baby bath body care": (
        "Baby Shampoo|Baby Wash|Baby Lotion|Baby Oil|Diaper Rash Ointment|Baby Powder"
        "|Shampoo & Body Wash|Baby Bubble Bath|Baby Sunscreen|Baby Balm|Baby Hair Detangler"
        "|Cradle Cap Treatment|Baby Massage Oil|Baby Healing Ointment|Kids Bubble Bath"
    ),
    "ice cream toppings": (
        "Hot Fudge Topping|Caramel Topping|Chocolate Syrup|Strawberry Topping|Sprinkles"
        "|Magic Shell Topping|Waffle Cones|Sugar Cones|Cake Cones|Maraschino Cherries"
        "|Butterscotch Topping|Flavored Syrup|Marshmallow Creme|Chopped Nuts|Sundae Syrup"
    ),
    "spices seasonings": (
        "Sea Salt|Kosher Salt|Black Pepper|Garlic Powder|Onion Powder|Paprika|Cumin"
        "|Chili Powder|Cayenne Pepper|Oregano|Basil|Thyme|Rosemary|Cinnamon|Nutmeg|Ginger"
        "|Turmeric|Curry Powder|Italian Seasoning|Taco Seasoning|Cajun Seasoning|Lemon Pepper"
        "|Everything Bagel Seasoning|Garam Masala|Red Pepper Flakes|Bay Leaves|Dill Weed"
        "|Coriander|Cardamom|Cloves|Allspice|Herbes De Provence|All-Seasons Salt|Seasoned Salt"
        "|Garlic Salt|Steak Seasoning|Poultry Seasoning|Pumpkin Pie Spice|Za'atar|Sesame Seeds"
        "|Mustard Seed|Peppercorn Medley|Pink Himalayan Salt|Vanilla Beans|Saffron"
        "|Chinese Five Spice"
    ),
    "doughs gelatins bake mixes": (
        "Cake Mix|Brownie Mix|Muffin Mix|Cookie Mix|Pancake Mix|Cornbread Mix|Biscuit Mix"
        "|Pizza Crust Mix|Bread Mix|Frosting|Gelatin Dessert|Instant Pudding Mix|Pie Crust"
        "|Graham Cracker Crust|Refrigerated Cookie Dough|Crescent Rolls|Biscuit Dough"
        "|Cinnamon Roll Dough|Pizza Dough|Cheesecake Mix|Scone Mix|Waffle Mix"
        "|Sugar Free Gelatin|Icing Mix|Pie Filling Mix"
    ),
    "hot dogs bacon sausage": (
        "Hot Dogs|Beef Franks|Bacon|Thick Cut Bacon|Turkey Bacon|Breakfast Sausage"
        "|Italian Sausage|Bratwurst|Kielbasa|Andouille Sausage|Chorizo|Smoked Sausage"
        "|Chicken Sausage|Sausage Links|Sausage Patties|Polish Sausage|Cocktail Franks"
        "|Uncured Hot Dogs|Canadian Bacon|Pancetta|Summer Sausage|Breakfast Links|Beef Bacon"
        "|Chicken Apple Sausage"
    ),
    "chips pretzels": (
        "Potato Chips|Kettle Cooked Potato Chips|Tortilla Chips|Pita Chips|Pretzels"
        "|Pretzel Twists|Pretzel Sticks|Pretzel Rods|Pretzel Crisps|Sourdough Pretzels"
        "|Corn Chips|Cheese Puffs|Cheese Curls|Veggie Chips|Plantain Chips|Sweet Potato Chips"
        "|Rice Chips|Bagel Chips|Multigrain Chips|Lentil Chips|Protein Chips|Wavy Potato Chips"
        "|Baked Chips|Tortilla Strips|Puffs|Chickpea Puffs|Cassava Chips|Popped Chips"
        "|Ridged Chips|Hummus Chips|Bean Chips|Pretzel Bites|Honey Wheat Pretzels|Snack Mix"
    ),
    "other creams cheeses": (
        "Cream Cheese|Whipped Cream Cheese|Cottage Cheese|Ricotta|Mascarpone"
        "|Cream Cheese Spread|Neufchatel|Farmer Cheese|Quark|Queso Fresco|Paneer|Cheese Spread"
        "|Spreadable Cheese|Light Cream Cheese|Small Curd Cottage Cheese"
        "|Large Curd Cottage Cheese|Part Skim Ricotta|Labneh"
    ),
    "skin care": (
        "Body Lotion|Hand Cream|Sunscreen Lotion|Sunscreen Spray|After Sun Gel|Lip Balm"
        "|Petroleum Jelly|Healing Ointment|Body Butter|Body Oil|Cocoa Butter Lotion"
        "|Eczema Cream|Foot Cream|Anti Itch Cream|Aloe Vera Gel|Cuticle Oil|Tinted Lip Balm"
        "|Self Tanner|Stretch Mark Cream"
    ),
    "pickled goods olives": (
        "Kosher Dill Pickles|Dill Pickle Spears|Bread & Butter Pickles|Pickle Chips"
        "|Sweet Gherkins|Cornichons|Kalamata Olives|Green Olives|Black Olives"
        "|Castelvetrano Olives|Stuffed Olives|Pitted Olives|Capers|Pepperoncini|Banana Peppers"
        "|Pickled Jalapenos|Giardiniera|Sauerkraut|Pickled Beets|Pickled Red Onions"
        "|Cocktail Onions|Kimchi|Pickled Okra|Olive Medley|Dilly Beans|Sliced Jalapenos"
    ),
    "plates bowls cups flatware": (
        "Paper Plates|Plastic Plates|Foam Plates|Paper Bowls|Plastic Cups|Party Cups|Hot Cups"
        "|Plastic Forks|Plastic Spoons|Plastic Knives|Cutlery Set|Disposable Tablecloth|Straws"
        "|Paper Straws|Compostable Plates|Dinner Plates|Dessert Plates|Coffee Cups With Lids"
        "|Shot Glasses|Wine Glasses|Bamboo Plates|Food Trays"
    ),
    "bread": (
        "Bread|Sandwich Bread|Whole Wheat Bread|100% Whole Wheat Bread|White Bread"
        "|Sourdough Bread|Multigrain Bread|Rye Bread|Seeded Rye Bread|Honey Wheat Bread"
        "|Sprouted Grain Bread|Italian Bread|French Bread|Baguette|Ciabatta|Focaccia"
        "|Brioche Loaf|Challah|Pumpernickel Bread|Cinnamon Raisin Bread|Potato Bread"
        "|Keto Bread|Texas Toast|Artisan Loaf|Sliced Bread|Thin Sliced Bread|Swirl Bread"
        "|Oat Bread|Flax Bread|Ancient Grain Bread|Seven Grain Bread"
    ),
    "frozen juice": (
        "Orange Juice Concentrate|Lemonade Concentrate|Limeade Concentrate"
        "|Apple Juice Concentrate|Grape Juice Concentrate|Fruit Punch Concentrate"
        "|Pink Lemonade Concentrate|Cranberry Juice Concentrate|Pineapple Juice Concentrate"
        "|Smoothie Packs|Frozen Juice Bars|Margarita Mix|Pina Colada Mix|Daiquiri Mix"
        "|Tropical Punch Concentrate"
    ),
    "cleaning products": (
        "All Purpose Cleaner|Disinfecting Wipes|Glass Cleaner|Bathroom Cleaner"
        "|Toilet Bowl Cleaner|Multi Surface Cleaner|Kitchen Cleaner|Floor Cleaner|Wood Polish"
        "|Scouring Powder|Disinfectant Spray|Bleach Cleaner|Oven Cleaner|Drain Cleaner"
        "|Stainless Steel Cleaner|Granite Cleaner|Mildew Remover|Sponges!|Scrub Sponges!"
        "|Microfiber Cloths!|Mop Refills|Sweeper Dry Cloths|Sweeper Wet Cloths|Toilet Brush!"
        "|Rubber Gloves!|Melamine Sponges!|Carpet Cleaner|Upholstery Cleaner|Dusting Spray"
        "|Grout Cleaner|Vinegar Cleaner|Shower Cleaner|Tub & Tile Cleaner"
    ),
    "water seltzer sparkling water": (
        "Sparkling Water|Spring Water|Purified Water|Seltzer Water|Mineral Water"
        "|Sparkling Mineral Water|Alkaline Water|Flavored Water|Distilled Water!"
        "|Electrolyte Water|Artesian Water|Coconut Water|Club Soda|Sparkling Juice Beverage"
        "|Essence Water|Vitamin Water|Still Water|Boxed Water|Canned Water"
        "|Sparkling Orange Juice & Prickly Pear Beverage!|Sparkling Beverage"
    ),
    "frozen produce": (
        "Broccoli Florets|Peas|Sweet Corn|Green Beans|Mixed Vegetables|Chopped Spinach"
        "|Blueberries|Strawberries|Mango Chunks|Raspberries|Dark Sweet Cherries|Sliced Peaches"
        "|Mixed Berries|Tropical Fruit Blend|Cauliflower Rice|Riced Broccoli"
        "|Steamable Vegetables|Stir Fry Vegetables|Edamame|Brussels Sprouts|Sweet Potato Fries"
        "|French Fries|Tater Tots|Cut Russet Potatoes Steam N' Mash!|Hash Brown Patties"
        "|Pearl Onions|Acai Packs|Smoothie Blend|Butternut Squash|Chopped Kale"
        "|Spiralized Zucchini|Cut Okra|Lima Beans|Petite Peas|Whole Green Beans"
        "|Roasted Potatoes|Crinkle Cut Fries|Onion Rings"
    ),
    "nuts seeds dried fruit": (
        "Almonds|Roasted Almonds|Cashews|Peanuts|Pistachios|Walnuts|Pecans|Macadamia Nuts"
        "|Hazelnuts|Mixed Nuts|Deluxe Mixed Nuts|Sunflower Seeds|Pumpkin Seeds|Pepitas"
        "|Chia Seeds|Flax Seeds|Hemp Hearts|Raisins|Dried Cranberries|Dried Mango"
        "|Dried Apricots|Medjool Dates|Dried Figs|Prunes|Dried Cherries|Dried Blueberries"
        "|Coconut Flakes|Pine Nuts|Brazil Nuts|Cashew Clusters|Almond Slivers|Candied Walnuts"
        "|Chocolate Covered Almonds|Yogurt Covered Raisins|Banana Chips|Goji Berries"
        "|Mulberries"
    ),
    "first aid": (
        "Adhesive Bandages|Flexible Fabric Bandages|Waterproof Bandages|Gauze Pads"
        "|Medical Tape|Antibiotic Ointment|Hydrogen Peroxide|Rubbing Alcohol|First Aid Kit"
        "|Elastic Bandage|Cold Pack|Hot Pack|Burn Relief Gel|Blister Bandages|Liquid Bandage"
        "|Alcohol Prep Pads|Cotton Balls!|Hydrocortisone Cream|Wound Wash|Digital Thermometer!"
        "|Tweezers!|Hand Sanitizer|Face Masks|Kids Bandages|Calamine Lotion"
    ),
    "frozen dessert": (
        "Chocolate Fudge Layer Cake!|Cheesecake|Pie|Apple Pie|Pumpkin Pie|Key Lime Pie"
        "|Cream Pie|Ice Cream Cake|Frozen Cookie Dough|Cream Puffs|Eclairs|Tiramisu|Mochi"
        "|Cobbler|Strudel|Layer Cake|Cheesecake Bites|Whipped Topping|Pie Shells|Mini Desserts"
        "|Brownie Sundae|Cannoli"
    ),
    "yogurt": (
        "Yogurt|Greek Yogurt|Greek Nonfat Yogurt|Whole Milk Yogurt|Nonfat Yogurt"
        "|Low Fat Yogurt|Icelandic Skyr|Kefir|Drinkable Yogurt|Yogurt Cups|Kids Yogurt Tubes"
        "|Yogurt Pouches|Plant Based Yogurt|Coconut Yogurt|Almond Milk Yogurt|Oat Yogurt"
        "|Fruit On The Bottom Yogurt|Blended Yogurt|Australian Style Yogurt"
        "|French Style Yogurt|Lactose Free Yogurt|Goat Milk Yogurt|Probiotic Yogurt"
        "|Protein Yogurt|Light Yogurt|Yogurt Parfait|Cream Top Yogurt|Strained Yogurt"
        "|Custard Style Yogurt"
    ),
    "cereal": (
        "Cereal|Corn Flakes|Bran Flakes|Raisin Bran|Toasted Oat Cereal|Oat Cereal"
        "|Crispy Rice Cereal|Granola Cereal|Puffed Rice|Puffed Wheat|Shredded Wheat"
        "|Multigrain Cereal|Protein Cereal|Kids Cereal|Corn Puffs|Cocoa Puffs Cereal"
        "|Fruit Rings|Cinnamon Squares|Wheat Squares|Rice Squares|Flax Cereal|Sprouted Cereal"
        "|Berry Sprouted Blend Cereal!|Heart Healthy Cereal|Ancient Grain Flakes|Keto Cereal"
        "|Muesli Cereal|Oat Clusters Cereal"
    ),
    "meat counter": (
        "Ribeye Steak|New York Strip Steak|Filet Mignon|Sirloin Steak|Flank Steak|Skirt Steak"
        "|Tri Tip|Ground Beef|Ground Chuck|Beef Brisket|Chuck Roast|Pork Shoulder|Pork Chops"
        "|Pork Loin|Pork Tenderloin|Spare Ribs|Baby Back Ribs|Lamb Chops|Leg of Lamb"
        "|Veal Cutlets|Stew Meat|Short Ribs|Prime Rib Roast|Beef Kabobs|Italian Sausage"
        "|Carne Asada"
    ),
    "packaged vegetables fruits": (
        "Baby Spinach|Spring Mix|Power Greens|Baby Kale|Arugula|Romaine Hearts"
        "|Shredded Lettuce|Salad Kit|Chopped Salad Kit|Caesar Salad Kit|Baby Carrots"
        "|Strawberries|Blueberries|Raspberries|Blackberries|Grape Tomatoes|Cherry Tomatoes"
        "|Mini Cucumbers|Sweet Mini Peppers|Sugar Snap Peas|Green Beans|Brussels Sprouts"
        "|Broccoli Florets|Cauliflower Florets|Sliced Mushrooms|Baby Bella Mushrooms"
        "|Coleslaw Mix|Broccoli Slaw|Cut Fruit|Fruit Medley|Pineapple Chunks|Apple Slices"
        "|Celery Hearts|Butter Lettuce|Herb Salad Mix|Mixed Greens|Spinach & Arugula Blend"
        "|Micro Greens|Zucchini Noodles|Cauliflower Rice|Stir Fry Blend|Fajita Vegetables"
        "|Mirepoix|Peeled Garlic|Diced Onions|Butternut Squash Cubes|Shredded Carrots"
    ),
    "spirits": (
        "Vodka|Gin|London Dry Gin|Bourbon Whiskey|Kentucky Straight Bourbon Whiskey"
        "|Single Barrel Kentucky Straight Bourbon Whiskey!|Rye Whiskey|Scotch Whisky"
        "|Single Malt Scotch Whisky|Blended Scotch Whisky|Irish Whiskey|Tennessee Whiskey"
        "|Tequila Blanco|Tequila Reposado|Tequila Anejo|Mezcal|White Rum|Spiced Rum|Dark Rum"
        "|Brandy|Cognac|Triple Sec|Coffee Liqueur|Amaretto|Vermouth|Aperitivo"
        "|Ready To Drink Cocktail|Margarita|Canadian Whisky|Japanese Whisky|Flavored Vodka"
        "|Limoncello|Absinthe|Schnapps"
    ),
    "trail mix snack mix": (
        "Trail Mix|Snack Mix|Party Mix|Nut & Fruit Mix|Mountain Trail Mix|Sweet & Salty Mix"
        "|Omega 3 Trail Mix|Tropical Trail Mix|Cranberry Nut Mix|Chocolate Trail Mix"
        "|Deluxe Snack Mix|Rice Cracker Mix|Cheddar Snack Mix|Energy Mix|Harvest Mix"
    ),
    "feminine care": (
        "Tampons|Pads|Ultra Thin Pads|Overnight Pads|Panty Liners|Menstrual Cup"
        "|Period Underwear|Feminine Wipes|Feminine Wash|Cotton Tampons|Compact Tampons"
        "|Maxi Pads|Incontinence Pads|Bladder Control Pads|Liners|Reusable Pads"
    ),
    "body lotions soap": (
        "Body Wash|Body Lotion|Moisturizing Body Wash|Shower Gel|Bar Soap|Body Scrub"
        "|Body Butter|Hand & Body Lotion|Bath Bombs|Bubble Bath|Bath Salts|Loofah!|Body Mist"
        "|Shower Oil|Exfoliating Bar|Men's Body Wash|Epsom Salt|Bath Soak|Body Spray"
    ),
    "tortillas flat bread": (
        "Flour Tortillas|Corn Tortillas|Whole Wheat Tortillas|Low Carb Tortillas|Wraps"
        "|Spinach Wraps|Pita Bread|Pocket Pita|Naan|Garlic Naan|Flatbread|Lavash|Taco Shells"
        "|Street Taco Tortillas|Burrito Size Tortillas|Almond Flour Tortillas"
        "|Cassava Tortillas|Sandwich Wraps|Tortilla Wraps|Mini Naan|Roti"
        "|Sundried Tomato Basil Wraps!|Tostada Shells|Egg White Wraps"
    ),
    "frozen appetizers sides": (
        "Egg Rolls|Spring Rolls|Potstickers|Mozzarella Sticks|Jalapeno Poppers|Pizza Rolls"
        "|Mini Tacos|Taquitos|Chicken Wings|Onion Rings|Mac & Cheese Bites|Pigs In A Blanket"
        "|Soft Pretzels|Dumplings|Samosas|Spanakopita|Mini Quiche|Meatballs|Stuffed Mushrooms"
        "|Garlic Bread|Tater Tots|Loaded Potato Skins|Empanadas|Shrimp Tempura|Crab Rangoon"
        "|Bao Buns|Tamales|Arancini|Cheese Curds|Appetizer Sampler|Mashed Potatoes"
        "|Creamed Spinach|Corn Souffle|Sweet Potato Casserole"
    ),
    "hot cereal pancake mixes": (
        "Old Fashioned Oats|Quick Oats|Instant Oatmeal|Steel Cut Oats|Oatmeal Cups|Farina"
        "|Grits|Quick Grits|Cream of Rice|Pancake Mix|Buttermilk Pancake Mix"
        "|Pancake & Waffle Mix|Protein Pancake Mix|Waffle Mix|Crepe Mix|Overnight Oats"
        "|Oat Bran|Hot Multigrain Cereal|Porridge|Quinoa Flakes|Instant Oatmeal Packets"
        "|Rolled Oats"
    ),
    "dry pasta": (
        "Spaghetti|Thin Spaghetti|Penne|Penne Rigate|Rigatoni|Mini Rigatoni|Fusilli|Rotini"
        "|Farfalle|Bow Ties|Linguine|Fettuccine|Angel Hair|Elbow Macaroni|Shells|Medium Shells"
        "|Jumbo Shells|Orzo|Lasagna Noodles|Oven Ready Lasagna|Ziti|Egg Noodles"
        "|Wide Egg Noodles|Orecchiette|Bucatini|Pappardelle|Cavatappi|Gemelli|Campanelle"
        "|Ditalini|Acini De Pepe|Chickpea Pasta|Lentil Pasta|Brown Rice Pasta|Protein Pasta"
        "|Tagliatelle|Radiatore|Stelline|Alphabet Pasta"
    ),
    "beauty": (
        "Mascara|Eyeliner|Lipstick|Lip Gloss|Nail Polish|Nail Polish Remover|Foundation"
        "|Concealer|Face Powder|Blush|Bronzer|Eyeshadow Palette|Makeup Sponges!"
        "|Makeup Brushes!|Eyebrow Pencil|Tinted Moisturizer|Setting Spray|False Lashes"
        "|Nail File!|Cotton Rounds!|Hair Clips|Perfume|Eau De Toilette|Daily Fragrance"
        "|Lip Liner|BB Cream|Primer"
    ),
    "muscles joints pain relief": (
        "Pain Reliever|Ibuprofen Tablets|Acetaminophen Caplets|Naproxen Sodium Tablets|Aspirin"
        "|Low Dose Aspirin|Pain Relief Cream|Muscle Rub|Pain Relief Patches"
        "|Arthritis Pain Relief|Heat Wraps|Cold Therapy Gel|Migraine Relief|Back Pain Relief"
        "|Joint Support|Arnica Gel|Lidocaine Patch|Epsom Salt Soak|Menstrual Pain Relief"
        "|Kinesiology Tape!"
    ),
    "specialty wines champagnes": (
        "Champagne|Brut Champagne|Prosecco|Cava|Sparkling Wine|Sparkling Rose|Brut Rose"
        "|Moscato D'Asti|Lambrusco|Port|Tawny Port|Sherry|Dessert Wine|Ice Wine|Sake"
        "|Junmai Sake|Mead|Sangria|Madeira|Marsala|Cremant|Blanc De Blancs"
    ),
}

# Variety groups: flavours, scents, styles... -> (words, share of names that get one,
# share of those placed after the base noun). Words starting "With", "No" or "in" always go
# after the base ("Pure Coconut Water With Orange").
_VARIETIES: dict[str, tuple[str, float, float]] = {
    "none": ("", 0.0, 0.0),
    "fruit": (
        "Strawberry|Blueberry|Raspberry|Peach|Mango|Cherry|Black Cherry|Mixed Berry|Pineapple"
        "|Coconut|Lemon|Key Lime|Strawberry Banana|Apricot|Pomegranate|Blackberry|Vanilla"
        "|Honey|Plain|Passion Fruit|Cranberry|Apple Cinnamon|Banana|Peach Mango"
        "|Raspberry Lemonade|Orange Cream|Vanilla Bean|Blueberry Acai|Strawberry Blueberry",
        0.8,
        0.4,
    ),
    "drink": (
        "Lemon Lime|Grapefruit|Orange|Black Cherry|Mango|Raspberry Lime|Tangerine|Cranberry"
        "|Pomegranate|Lime|Mixed Berry|Watermelon|Peach|Coconut|Pineapple|Cucumber Mint"
        "|Lemon|Ginger|Blood Orange|Tropical Punch|Fruit Punch|Grape|Strawberry Kiwi"
        "|Pink Grapefruit|Pear|Apple|Original|Peach Mango|Cherry Limeade|Berry Hibiscus"
        "|With Pulp|No Pulp|With Calcium|With Orange|With Lime|With Ginger",
        0.7,
        0.35,
    ),
    "soda": (
        "Original|Zero Sugar|Diet|Caffeine Free|Cane Sugar|Mexican Style|Cherry|Vanilla|Lime"
        "|Lemon|Black Cherry|Raspberry|Peach|Orange Cream|Strawberry|Blood Orange|Grapefruit"
        "|Pineapple|Tropical|Spiced|Classic|Old Fashioned",
        0.6,
        0.1,
    ),
    "sweet": (
        "Chocolate|Dark Chocolate|Milk Chocolate|Caramel|Sea Salt Caramel|Peanut Butter"
        "|Vanilla|Mint|Cookies & Cream|Coconut|Almond|Toffee|Hazelnut|Raspberry|Cherry"
        "|Strawberry|Salted Caramel|Fudge|Mocha|Cinnamon|S'mores|Birthday Cake|Pumpkin Spice"
        "|Lemon|Butterscotch|Marshmallow|Double Chocolate|Red Velvet|Chocolate Chip"
        "|White Chocolate Macadamia|Oatmeal Raisin|Key Lime|Banana Cream|Maple|Gingerbread",
        0.7,
        0.1,
    ),
    "candy": (
        "Chocolate|Dark Chocolate|Milk Chocolate|Caramel|Sea Salt Caramel|Peanut Butter|Mint"
        "|Cookies & Cream|Coconut|Almond|Toffee|Hazelnut|Raspberry|Cherry|Strawberry"
        "|Salted Caramel|Fudge|Cinnamon|S'mores|Butterscotch|Sour Apple|Watermelon"
        "|Blue Raspberry|Tropical Fruit|Assorted Fruit|Cherry Cola|Green Apple|Lemon"
        "|31% Cacao|34% Cacao|55% Cacao|60% Cacao|70% Cacao|72% Cacao|85% Cacao|Extra Dark"
        "|Sea Salt & Almond|Orange Dark|Mint Dark|Toffee Almond|Hazelnut Crunch|Crispy Rice"
        "|Sea Salt & Nibs|Banana Pecan|Peppermint",
        0.7,
        0.1,
    ),
    "savory": (
        "Sea Salt|Salt & Vinegar|Barbecue|Sour Cream & Onion|Jalapeno|Cheddar|White Cheddar"
        "|Ranch|Chili Lime|Honey Mustard|Garlic Parmesan|Everything|Rosemary|Lightly Salted"
        "|Original|Spicy|Sweet Chili|Buffalo|Smoked Gouda|Cracked Pepper|Hot & Spicy"
        "|Teriyaki|Sweet & Spicy|Peppered|Butter|Extra Butter|Dill Pickle|Nacho Cheese|Truffle"
        "|Chipotle|Maple Bacon|Cheddar & Sour Cream|Salt & Pepper|Sriracha|Aged White Cheddar"
        "|Rosemary Olive Oil|Sesame|Multigrain",
        0.75,
        0.15,
    ),
    "cheese": (
        "Cheddar|Sharp Cheddar|Extra Sharp Cheddar|Mild Cheddar|White Cheddar|Mozzarella"
        "|Low Moisture Mozzarella|Swiss|Baby Swiss|Provolone|Pepper Jack|Colby Jack"
        "|Monterey Jack|Parmesan|Havarti|Gouda|Smoked Gouda|Muenster|Feta|Blue|Asiago|Romano"
        "|American|Mexican Blend|Italian Blend|Pizza Blend|Fontina|Gruyere|Colby"
        "|Marble Cheddar|Vermont White Cheddar|Aged Cheddar|Parmesan Romano",
        0.9,
        0.05,
    ),
    "cheese_flavor": (
        "Herb|Garlic & Herb|Honey|Cranberry|Truffle|Black Pepper|Smoked|Fig|Jalapeno"
        "|Caramelized Onion|Horseradish|Chive|Aged|Extra Aged|Double Creme|Wine Soaked|Dill"
        "|Mediterranean Herb|Blueberry Vanilla|Cracked Peppercorn|Rosemary|Sun Dried Tomato",
        0.55,
        0.2,
    ),
    "deli_style": (
        "Classic|Homestyle|Southwest|Mediterranean|Asian|Italian|Lemon Herb|Spicy"
        "|Roasted Garlic|Garden|Chipotle|Dill|Balsamic|Greek|Harvest|Country Style|Buffalo"
        "|Sesame Ginger|Pesto|Cajun|Santa Fe|Tuscan|Thai Peanut",
        0.55,
        0.15,
    ),
    "bar": (
        "Chocolate Chip|Peanut Butter|Peanut Butter Chocolate|Oats & Honey"
        "|Dark Chocolate Sea Salt|Almond Butter|Cranberry Almond|Blueberry|Apple Cinnamon"
        "|Coconut Almond|Cookie Dough|Double Chocolate|Maple Pecan|Lemon|Salted Caramel"
        "|Cashew Cookie|Mixed Berry|Honey Almond|Chocolate Brownie|Banana Nut|Cherry Pie"
        "|Peanut Butter Banana|Apricot|Strawberry|Cinnamon Roll|Birthday Cake|Mint Chocolate"
        "|Dark Chocolate Nuts & Sea Salt|Brown Sugar Cinnamon|Frosted Strawberry",
        0.8,
        0.15,
    ),
    "meal_flavor": (
        "Chicken|Beef|Shrimp|Spicy Chicken|Roast Chicken|Chili Lime|Spicy Miso|Teriyaki"
        "|Garlic Butter|Four Cheese|White Cheddar|Butter & Herb|Sour Cream & Chives"
        "|Roasted Garlic|Vegetable|Tom Yum|Soy Sauce|Creamy Chicken|Cheddar Broccoli"
        "|Spicy Beef|Lemon Pepper|Italian Herb|Mushroom|Sesame|Original",
        0.75,
        0.3,
    ),
    "meal": (
        "Chicken|Beef|Turkey|Shrimp|Vegetable|Cheese|Spinach & Ricotta|Italian Sausage"
        "|Three Cheese|Spicy Beef|Chicken & Broccoli|Pork|Bean & Cheese|Mushroom"
        "|Roasted Vegetable|Buffalo Chicken|Sweet & Sour|Teriyaki|Southwest|Mediterranean"
        "|Thai Curry|Cheddar Broccoli|Barbecue|Chipotle|Garlic Herb|Classic Favorites"
        "|Steak & Cheese|Chicken Enchilada|Four Cheese|Pepperoni",
        0.65,
        0.2,
    ),
    "sauce_flavor": (
        "Honey Garlic|Hickory Smoked|Mesquite|Chipotle|Lemon Pepper|Teriyaki|Sweet & Spicy"
        "|Kansas City Style|Carolina Gold|Texas Style|Memphis Style|Garlic Herb|Green Chile"
        "|Habanero|Sweet Baby Back|Honey Mustard|Citrus|Ginger Soy|Smoky Bourbon|Original"
        "|Spicy|Italian|Cajun|Korean Style|Jamaican Jerk|Brown Sugar|Steakhouse",
        0.75,
        0.1,
    ),
    "sauce": (
        "Tomato Basil|Marinara|Roasted Garlic|Four Cheese|Vodka|Arrabbiata|Alfredo"
        "|Basil Pesto|Mushroom|Italian Sausage|Puttanesca|Spicy Marinara|Roasted Red Pepper"
        "|Sun Dried Tomato|Garden Vegetable|Traditional|Meat|Bolognese|Three Cheese"
        "|Garlic & Onion|Fire Roasted Tomato|Tuscan Herb|Sweet Basil|Tomato Herb",
        0.75,
        0.25,
    ),
    "cut": (
        "Boneless Skinless|Bone-In|Thin Sliced|Grass Fed|Lean|Extra Lean|Marinated|Seasoned"
        "|Hickory Smoked|Applewood Smoked|Peppered|Hand Trimmed|Center Cut|Thick Cut"
        "|Butterflied|Herb Roasted|Teriyaki|Lemon Pepper|Italian Style|Barbecue|Uncured"
        "|85% Lean|93% Lean|Fully Cooked|Slow Cooked|Garlic Herb|Breaded|Skin On",
        0.6,
        0.15,
    ),
    "seafood_style": (
        "Wild Caught|Atlantic|Pacific|Norwegian|Nova|Cold Smoked|Hot Smoked|Cajun"
        "|Lemon Pepper|Garlic Butter|Peppered|Alaskan|Sockeye|Coho|Lump|Jumbo Lump|Cooked"
        "|Peeled & Deveined|Skinless|Boneless|Lightly Breaded|Teriyaki Glazed",
        0.55,
        0.15,
    ),
    "filling": (
        "Four Cheese|Spinach & Ricotta|Mushroom|Butternut Squash|Lobster|Italian Sausage"
        "|Chicken & Prosciutto|Three Cheese|Sweet Potato|Basil Pesto|Egg|Spinach|Whole Wheat"
        "|Lemon Ricotta|Beef|Porcini|Gorgonzola & Walnut|Sun Dried Tomato|Roasted Garlic",
        0.8,
        0.05,
    ),
    "tofu_flavor": (
        "Original|Teriyaki|Smoked|Thai|Sesame Ginger|Italian|Chipotle|Garlic & Herb|Hickory"
        "|Barbecue|Lemon Pepper|Sriracha|Savory|Sweet Italian|Spicy|Hot Italian|Five Spice"
        "|Szechuan|Peppered|Black Bean|Southwest|Korean Barbecue",
        0.6,
        0.25,
    ),
    "baking": (
        "Semi-Sweet|Dark Chocolate|Milk Chocolate|White|Unbleached|Self Rising|Pure|Light"
        "|Dark|Superfine|Unsweetened|Blanched|Stone Ground|Sprouted|Double Acting|Natural"
        "|Dutch Process|Bittersweet|Mini|Premium|Fine Ground|Extra Fine",
        0.5,
        0.05,
    ),
    "oil": (
        "Cold Pressed|Unrefined|Refined|Toasted|Garlic Infused|Lemon Infused|Basil Infused"
        "|Aged|Raw|Unfiltered|Italian|Spanish|Greek|California|Light Tasting|Pure"
        "|Expeller Pressed|Virgin|Modena|Seasoned|Fig|Blood Orange|Chili Infused",
        0.6,
        0.1,
    ),
    "oral": (
        "Fresh Mint|Cool Mint|Spearmint|Peppermint|Cinnamon|Clean Mint|Winter Fresh"
        "|Bubblegum|Strawberry|Charcoal|Baking Soda|Whitening|Tartar Control"
        "|Cavity Protection|Soft Bristle|Medium Bristle|Enamel Repair|Total Care"
        "|Fluoride Free|Alcohol Free|Waxed|Unwaxed|Sensitive|Advanced Whitening",
        0.75,
        0.3,
    ),
    "hair": (
        "Moisturizing|Volumizing|Smoothing|Color Safe|Clarifying|Anti Dandruff"
        "|Curl Defining|Strengthening|Repair|Daily|Tea Tree|Argan Oil|Coconut Oil|Biotin"
        "|Shea Butter|Keratin|Aloe|Charcoal|Rosemary Mint|Lavender|Extra Hold|Thickening"
        "|Hydrating|Frizz Control|Apple Cider|Honey & Oat",
        0.75,
        0.2,
    ),
    "scent": (
        "Lavender|Fresh Scent|Lemon|Citrus|Ocean Breeze|Eucalyptus Mint|Coconut|Vanilla"
        "|Cucumber Melon|Tea Tree|Rose|Aloe|Oatmeal|Spring Meadow|Mountain Fresh|Cotton"
        "|Apple Blossom|Shea Butter|Honey|Charcoal|Original Scent|Clean Linen|Orange Blossom"
        "|Sandalwood|Pine|Peppermint|Lemon Verbena|Basil|Geranium|Sweet Pea|Anjou Pear"
        "|Gardenia|Coconut Water|Almond|Unscented|Cherry Blossom|Mango",
        0.8,
        0.3,
    ),
    "household_scent": (
        "Lemon|Fresh Scent|Original|Free & Clear|Apple Blossom|Lavender|Citrus|Grapefruit"
        "|Lemon Verbena|Basil|Unscented|Mountain Spring|Orange|Green Apple|Rosemary|Lime"
        "|Ocean Mist|Spring Meadow|Tea Tree|Eucalyptus|Fresh Linen|Lavender & Vanilla"
        "|Clean Breeze|Pink Grapefruit|Bleach Alternative",
        0.7,
        0.3,
    ),
    "deodorant": (
        "Powder Fresh|Cool Wave|Sport|Unscented|Lavender|Coconut|Cucumber|Fresh|Clean"
        "|Original|Cedarwood|Sandalwood|Eucalyptus|Citrus|Vanilla|Rose|Ocean|Arctic"
        "|Mountain|Charcoal|Shower Fresh|Soft & Fresh|Invisible|Clear Gel",
        0.8,
        0.25,
    ),
    "skin": (
        "Hydrating|Brightening|Anti Aging|Oil Free|Gentle|Foaming|Cream|Gel|Oil Control"
        "|Sensitive Skin|Daily|Overnight|Clarifying|Firming|Soothing|Rose Water|Green Tea"
        "|Charcoal|Aloe|Cucumber|Tea Tree|Vitamin C|Niacinamide|Salicylic Acid|SPF 30"
        "|SPF 50|Ceramide|Cocoa Butter|Intensive Repair",
        0.75,
        0.3,
    ),
    "medicine": (
        "Extra Strength|Maximum Strength|Non-Drowsy|Nighttime|Daytime|Children's|Cherry"
        "|Honey Lemon|Grape|Berry|Liquid Gels|Caplets|Tablets|Chewable|Menthol|Sugar Free"
        "|12 Hour|24 Hour|Soothing|Fast Acting|Gentle|Original|Multi Symptom|Severe"
        "|Cool Mint|Dye Free",
        0.6,
        0.35,
    ),
    "vitamin": (
        "Gummies|Softgels|Capsules|Tablets|Chewables|Liquid|Powder|Vegan Capsules|Whole Food"
        "|Women's|Men's|Kids|50+|Adult|Once Daily|Time Release|1000 IU|2000 IU|5000 IU"
        "|500 Mg|1000 Mg|250 Mg|Extra Strength|Berry Flavored|Orange Flavored"
        "|Lemon Flavored|Fast Dissolve|Sugar Free|High Potency",
        0.85,
        0.7,
    ),
    "coffee": (
        "French Roast|Breakfast Blend|Colombian|Dark Roast|Medium Roast|Light Roast|Hazelnut"
        "|Vanilla|Espresso|House Blend|Sumatra|Ethiopia Yirgacheffe|Mocha|Caramel"
        "|Pumpkin Spice|Italian Roast|Guatemala|Kona Blend|Costa Rica|Morning Blend"
        "|Donut Shop|Cinnamon|Salted Caramel|Peruvian|Mexican|Vanilla Bean|Sweet Cream"
        "|Decaf|Half Caff|Blonde Roast",
        0.85,
        0.15,
    ),
    "tea": (
        "Robust Golden|Lemon Ginger|Honey Lemon|Mint|Berry|Peach|Raspberry|Pomegranate"
        "|Blueberry|Vanilla|Cinnamon|Turmeric|Lavender|Orange Spice|Apple Spice|Chai Spice"
        "|Coconut|Mango|Passion Fruit|Ginger|Lemon|Unsweetened|Sweetened|Half & Half"
        "|Classic|Original|Decaf|Caffeine Free|Wild Berry|Earl Grey Creme",
        0.6,
        0.15,
    ),
    "beer": (
        "Citrus|Grapefruit|Blood Orange|Mango|Pineapple|Lime|Black Cherry|Raspberry|Coffee"
        "|Chocolate|Vanilla|Oatmeal|Honey|Pumpkin|Tropical|Passion Fruit|Watermelon|Lemon"
        "|Peach|Hoppy|West Coast|New England|Belgian Style|German Style|Irish|Golden"
        "|Dry Hopped|Juicy|Coconut|Swingtop",
        0.5,
        0.2,
    ),
    "wine_region": (
        "Napa Valley|Sonoma County|California|Washington|Oregon|Mendoza|Tuscany|Rioja"
        "|Central Coast|Paso Robles|Columbia Valley|Willamette Valley|Marlborough"
        "|Barossa Valley|Russian River Valley|Lodi|Sicily|Chile|South Africa|Argentina"
        "|Australia|Monterey|Santa Barbara|Alexander Valley|Finger Lakes|Loire Valley",
        0.7,
        0.05,
    ),
    "wine_style": (
        "Extra Dry|Brut|Brut Nature|Dry|Sweet|Demi Sec|Non Vintage|Vintage|Grand Cru"
        "|Premier Cru|Rose|Ruby|Tawny|10 Year|20 Year|Fino|Amontillado|Late Harvest|Nigori"
        "|California|Italian|Spanish|French",
        0.6,
        0.1,
    ),
    "spirit": (
        "Small Batch|Single Barrel|Cask Strength|Barrel Proof|12 Year Old|18 Year Old"
        "|10 Year Old|Aged|Silver|Gold|Citrus|Vanilla|Cherry|Honey|Cinnamon|Peach|Coconut"
        "|Pineapple|Orange|Lemon|Raspberry|Cucumber|Pepper|Espresso|Smoked|Sherry Cask"
        "|Bottled in Bond|Blanco|Reposado",
        0.5,
        0.1,
    ),
    "syrup": (
        "Grade A Amber|Grade A Dark|Very Dark|Light Amber|Blue Agave|Unfiltered"
        "|Orange Blossom|Buckwheat|Sage|Lavender|Cinnamon|Vanilla|Mint Chocolate|Hazelnut"
        "|Caramel|Butter Pecan|Blueberry|Strawberry|Lite|Original|Local|Tupelo|Clover",
        0.6,
        0.1,
    ),
    "latin": (
        "Mild|Medium|Hot|Extra Hot|Traditional|Authentic|Chipotle|Roasted|Fire Roasted|Smoky"
        "|Green Chile|Red Chile|Verde|Ranchera|Casera|Tomatillo|Habanero|Jalapeno"
        "|Cilantro Lime|Black Bean|Vegetarian|Whole|Sliced|Diced",
        0.6,
        0.25,
    ),
    "dip": (
        "Classic|Roasted Red Pepper|Roasted Garlic|Everything|Lemon|Spicy|Pine Nut"
        "|Kalamata Olive|Jalapeno Cilantro|Sun Dried Tomato|Caramelized Onion|Chipotle|Dill"
        "|Mild|Medium|Hot|Chunky|Restaurant Style|Black Bean & Corn|Peach Mango|Pineapple"
        "|Verde|Smoky|Traditional|Garden|Cilantro Lime|Roasted Tomato|Mediterranean",
        0.7,
        0.25,
    ),
    "veg_style": (
        "Chopped|Sliced|Diced|Trimmed|Washed|Ready To Eat|Microwavable|Steam In Bag"
        "|Snack Size|Shaved|Shredded|Petite|Baby|Mini|Tri Color|Rainbow|Southwest"
        "|Asian Style|Mediterranean|Classic|Roasted|Seasoned|Whole|Cut",
        0.3,
        0.1,
    ),
    "kosher": (
        "Traditional|Whole Wheat|Egg|Everything|Sweet|Spicy|Classic|Homestyle|Low Sodium"
        "|Unsalted|Chocolate|Coconut|Cinnamon|Marble|Apricot|Raspberry|Poppy Seed|Onion"
        "|Garlic|Passover",
        0.6,
        0.15,
    ),
    "butter": (
        "Grassfed|Pasture Raised|Lightly Salted|Sea Salt|Light|Original|Churned|Small Batch"
        "|Amish Roll|Olive Oil|Avocado Oil|Cinnamon|Truffle|Herb|Salted Caramel",
        0.5,
        0.1,
    ),
    "ice_cream": (
        "Vanilla|Vanilla Bean|Chocolate|Double Chocolate|Chocolate Chip Cookie Dough"
        "|Cookies & Cream|Mint Chocolate Chip|Strawberry|Butter Pecan|Rocky Road"
        "|Salted Caramel|Coffee|Pistachio|Peanut Butter Cup|Birthday Cake|Black Raspberry"
        "|Neapolitan|Coconut|Mango|Raspberry|Lemon|Dulce De Leche|Chocolate Fudge Brownie"
        "|Cookie Dough|Caramel Swirl|Sea Salt Caramel|Moose Tracks|Peach|Banana Split"
        "|Cinnamon|Green Tea|S'mores|Rum Raisin|French Vanilla|Toasted Almond"
        "|Strawberry Cheesecake|Key Lime Pie|Chocolate Peanut Butter|Cherry Chocolate Chunk"
        "|Half Baked|Coffee Toffee",
        0.85,
        0.1,
    ),
    "pet": (
        "Chicken Recipe|Salmon Recipe|Lamb & Rice|Chicken & Rice|Beef & Barley"
        "|Turkey & Sweet Potato|Salmon & Sweet Potato|Duck & Potato|Beef Stew|Chicken Dinner"
        "|Turkey Dinner|Ocean Whitefish|Tuna|Salmon Pate|Chicken Pate|Beef|Bison|Venison"
        "|Lamb|Peanut Butter|Bacon|Liver|Chicken Liver|Turkey & Giblets|Seafood Medley"
        "|Mixed Grill|Filet Mignon Flavor|Savory Salmon|Tuna & Shrimp|Chicken & Vegetable",
        0.75,
        0.1,
    ),
    "breakfast": (
        "Buttermilk|Blueberry|Chocolate Chip|Homestyle|Whole Grain|Cinnamon|Maple|Strawberry"
        "|Sausage Egg & Cheese|Bacon Egg & Cheese|Ham & Cheese|Egg White & Spinach"
        "|Turkey Sausage|Southwest|Denver|Banana|Pumpkin|Multigrain|Original|Apple Cinnamon"
        "|Vanilla|Honey|Everything|Cinnamon Raisin|Lemon Poppy Seed|Double Chocolate",
        0.7,
        0.2,
    ),
    "cereal": (
        "Honey|Honey Nut|Frosted|Cinnamon|Chocolate|Berry|Original|Maple|Fruit"
        "|Vanilla Almond|Peanut Butter|Blueberry|Strawberry|Apple Cinnamon|Raisin|Cocoa"
        "|Multigrain|Almond|Banana Nut|Cranberry|Pumpkin Seed|Coconut|Cinnamon Toast"
        "|Oat & Honey|Dark Chocolate",
        0.65,
        0.1,
    ),
    "creamer": (
        "French Vanilla|Hazelnut|Caramel Macchiato|Sweet Cream|Original|Vanilla|Mocha"
        "|Pumpkin Spice|Peppermint Mocha|Cinnamon Vanilla|Coconut|Irish Creme"
        "|Toasted Marshmallow|Salted Caramel|Light|Fat Free|Ultra Pasteurized",
        0.6,
        0.3,
    ),
    "paper": (
        "Ultra Soft|Ultra Strong|2 Ply|3 Ply|Recycled|Bamboo|Lotion|Unscented|Everyday"
        "|Soft & Strong|Huge Roll|Mega Roll|Double Roll|Family Roll|Triple Roll"
        "|Extra Absorbent|Print|White|Bleach Free|Septic Safe",
        0.75,
        0.3,
    ),
    "shave": (
        "Sensitive|Moisturizing|Aloe|Cool Menthol|Coconut|Sandalwood|Unscented|5 Blade"
        "|3 Blade|Twin Blade|Men's|Women's|Comfort Glide|Smooth|Protecting"
        "|Extra Moisturizing|Lavender|Shea Butter",
        0.7,
        0.15,
    ),
    "diaper": (
        "Sensitive|Unscented|Aloe|Cucumber|Fragrance Free|Cotton Soft|Plant Based"
        "|Chlorine Free|Snug & Dry|Leakage Protection|Boys|Girls|Unisex|Ultra Soft"
        "|Thick & Soft|Gentle Clean",
        0.55,
        0.15,
    ),
    "granola": (
        "Apple Crisp|Honey Almond|Maple Pecan|Vanilla Almond|Dark Chocolate|Blueberry"
        "|Cranberry Almond|Coconut Cashew|Peanut Butter|Cinnamon|Pumpkin Seed|Mixed Berry"
        "|Banana Nut|Chocolate Chip|Oats & Honey|Cherry Almond|Toasted Coconut|Raisin"
        "|Lemon Blueberry|Hemp Seed",
        0.85,
        0.3,
    ),
    "bean": (
        "Low Sodium|No Salt Added|Reduced Sodium|Spicy|Mild|Hot|Seasoned|Smoky|Maple|Honey"
        "|Vegetarian|Homestyle|Original|Country Style|Hickory|Brown Sugar|Southern Style"
        "|Cuban Style|Chipotle|Traditional|Italian Style|Fire Roasted",
        0.5,
        0.1,
    ),
    "trash": (
        "13 Gallon|30 Gallon|33 Gallon|39 Gallon|4 Gallon|8 Gallon|Odor Control|Unscented"
        "|Lavender|Fresh Scent|Clear|Black|White|Extra Strong|Drawstring|Flap Tie",
        0.8,
        0.1,
    ),
    "grain": (
        "Whole Grain|Sprouted|Parboiled|Instant|Quick Cooking|Long Grain|Short Grain|Thai"
        "|Indian|Italian|California|Heirloom|Ready To Heat|Garlic & Herb|Cilantro Lime"
        "|Spanish Style|Lemon Herb|Roasted Garlic|Mediterranean|Savory Herb|Toasted|Tricolor",
        0.55,
        0.1,
    ),
    "protein": (
        "Chocolate|Vanilla|Strawberry|Cookies & Cream|Peanut Butter|Salted Caramel|Mocha"
        "|Banana|Unflavored|Double Rich Chocolate|Vanilla Bean|French Vanilla|Milk Chocolate"
        "|Chocolate Peanut Butter|Cinnamon Roll|Birthday Cake|Coffee|Berry"
        "|Pomegranate Cranberry & Aloe Vera",
        0.85,
        0.3,
    ),
    "asian": (
        "Thai|Japanese|Korean|Chinese|Vietnamese|Spicy|Sweet|Original|Hot|Mild"
        "|Less Sodium|Garlic|Ginger|Sesame|Toasted Sesame|Wasabi|Yuzu|Lemongrass|Szechuan"
        "|Kung Pao|General Tso|Mandarin|Teriyaki|Black Pepper|Green Onion|Lite|Aged",
        0.6,
        0.1,
    ),
    "soup": (
        "Chicken Noodle|Tomato|Minestrone|Lentil|Split Pea|Vegetable|Beef Barley"
        "|Cream of Mushroom|Cream of Chicken|French Onion|Clam|Butternut Squash|Black Bean"
        "|Chicken & Rice|Potato Leek|Broccoli Cheddar|Italian Wedding|Chicken Tortilla"
        "|Roasted Red Pepper & Tomato|Beef Vegetable|Chicken & Wild Rice|Hearty|Savory"
        "|Homestyle|Roasted Garlic|Tomato Basil|Chicken Gnocchi|Loaded Baked Potato"
        "|New England|Manhattan|Lobster|Turkey|Mushroom|Pasta Fagioli|Wonton|Hot & Sour"
        "|Egg Drop|Tuscan White Bean|Low Sodium",
        0.8,
        0.1,
    ),
    "condiment": (
        "Original|Spicy|Hot|Extra Hot|Smoky|Chipotle|Garlic|Jalapeno|Habanero|Sriracha"
        "|Truffle|Honey|Sweet|Tangy|Stone Ground|Country Style|Light|Real|Reduced Sugar"
        "|No Sugar Added|Green|Red|Ghost Pepper|Roasted Garlic|Lime",
        0.55,
        0.1,
    ),
    "indian": (
        "Mild|Medium|Hot|Spicy|Traditional|Authentic|Garlic|Coconut|Vegetable|Chickpea"
        "|Lentil|Spinach|Paneer|Tandoori|Kashmiri|Punjabi|Goan",
        0.55,
        0.15,
    ),
    "baby_gear": (
        "Anti Colic|Slow Flow|Medium Flow|Fast Flow|Orthodontic|BPA Free|Silicone|Glass"
        "|Newborn|0-6 Months|6-18 Months|Spill Proof|Soft Spout|Pink|Blue|Green|Assorted"
        "|Animal|Natural|Stainless Steel",
        0.7,
        0.15,
    ),
    "milk": (
        "Grassfed|Pasture Raised|Vitamin D|2% Reduced Fat|1% Low Fat|Skim|Homogenized"
        "|Ultra Pasteurized|Whole|Vanilla|Chocolate|Strawberry|Low Fat Chocolate|Creamline"
        "|Non-Homogenized|Farm Fresh|Local|Plain",
        0.6,
        0.1,
    ),
    "storage": (
        "Gallon|Quart|Sandwich|Snack Size|Freezer|Extra Large|Reusable|Compostable|Recycled"
        "|Non-Stick|Heavy Duty|Unbleached|Clear|Easy Open|Double Zipper|Leak Proof|BPA Free",
        0.7,
        0.1,
    ),
    "egg": (
        "Cage Free|Free Range|Pasture Raised|Grade A|Grade AA|Omega-3|Vegetarian Fed|Local"
        "|Farm Fresh|Brown|Heritage|Certified Humane|Antibiotic Free",
        0.8,
        0.1,
    ),
    "color": (
        "Black|White|Red|Stainless Steel|Silicone|Bamboo|Heavy Duty|Deluxe|Classic"
        "|Professional|Compact|Large|Small|Mini|Gray|Blue|Green|Multicolor|Assorted",
        0.6,
        0.3,
    ),
    "spread": (
        "Natural|No Stir|Salted|Unsalted|Honey Roasted|Maple|Cinnamon|Dark Chocolate"
        "|Coconut|Seedless|Reduced Sugar|All Fruit|Low Sugar|Smooth|Chunky|Creamy|Crunchy"
        "|Old Fashioned|Roasted|Sprouted|Whipped",
        0.6,
        0.1,
    ),
    "dressing": (
        "Light|Lite|Fat Free|Classic|Homestyle|Buttermilk|Creamy|Chunky|Garlic"
        "|Roasted Garlic|Herb|Seasoned|Parmesan|Cheese & Garlic|Zesty|Golden|Toasted"
        "|Italian Herb|Avocado Oil|Olive Oil|Family Recipe",
        0.55,
        0.1,
    ),
    "cocoa": (
        "Milk Chocolate|Dark Chocolate|Rich Chocolate|Double Chocolate|Salted Caramel"
        "|Peppermint|Marshmallow|Mexican Chocolate|Vanilla|French Vanilla|Fruit Punch"
        "|Pink Lemonade|Raspberry Lemonade|Cherry|Grape|Tropical Punch|Lemon|Peach"
        "|Strawberry|Orange|Tangerine Grapefruit|Mixed Berry|Spiced Apple|Turmeric Ginger",
        0.8,
        0.1,
    ),
    "plant_milk": (
        "Original|Unsweetened|Vanilla|Unsweetened Vanilla|Chocolate|Dark Chocolate"
        "|Barista Edition|Light|Extra Creamy|Protein|Plain|Strawberry|Blueberry|Mango"
        "|Cinnamon|Honey|Reduced Sugar|Whole|Reduced Fat|Fat Free",
        0.8,
        0.3,
    ),
    "baby_food": (
        "Apple|Banana|Pear|Sweet Potato|Carrot|Pea|Mango|Apple Blueberry|Banana Strawberry"
        "|Pear Spinach Pea|Butternut Squash|Prune|Oatmeal|Mixed Vegetable|Peach|Pumpkin"
        "|Apple Cinnamon Oatmeal|Spinach Mango Pear|Banana & Sweet Potato|Strawberry"
        "|Blueberry|Kale|Quinoa|Whole Grain|Chicken & Rice|Turkey Dinner|Beef & Carrot"
        "|Milk Based|Hydrolyzed",
        0.85,
        0.1,
    ),
    "deli_meat": (
        "Oven Roasted|Honey|Smoked|Hickory Smoked|Mesquite|Black Pepper|Cracked Pepper"
        "|Maple|Applewood Smoked|Rotisserie Seasoned|Low Sodium|Uncured|Thin Sliced|Shaved"
        "|Ultra Thin|Hard|Italian Dry|Spicy|Herb Roasted|Cajun|Buffalo Style|Peppered"
        "|Roasted Garlic|Sun Dried Tomato",
        0.65,
        0.1,
    ),
    "decor": (
        "Rainbow|Chocolate|Pastel|Gold|Silver|Red|Blue|Pink|Green|Holiday|Birthday|Assorted"
        "|Neon|Metallic|Classic|Nonstick|Disposable|Aluminum|Jumbo|Mini|Standard|Glitter"
        "|White|Black",
        0.7,
        0.1,
    ),
    "canned_fruit": (
        "Unsweetened|No Sugar Added|in Light Syrup|in Heavy Syrup|in 100% Juice"
        "|in Pear Juice|Cinnamon|Strawberry|Mango|Mixed Berry|Peach|Apple|Cherry"
        "|Yellow Cling|Bartlett|Natural|Original|Lite|Chunky|Whole",
        0.6,
        0.1,
    ),
    "candle": (
        "Lavender|Fresh Scent|Lemon|Citrus|Ocean Breeze|Eucalyptus Mint|Coconut|Vanilla"
        "|Sandalwood|Cinnamon|Balsam Fir|Fresh Linen|Pumpkin Spice|Apple Cinnamon|Sea Salt"
        "|Cedarwood|White|Ivory|Red|Unscented|Clean Cotton|Vanilla Bean|Mahogany"
        "|Hawaiian Breeze|Spring Rain|Meadow Flowers",
        0.8,
        0.35,
    ),
    "baby_scent": (
        "Lavender|Calming|Chamomile|Fragrance Free|Oatmeal|Shea Butter|Coconut|Calendula"
        "|Vanilla|Sweet Orange|Lavender Chamomile|Eczema Relief|Tear Free|Sensitive|Bedtime"
        "|Original|Cucumber|Aloe",
        0.7,
        0.2,
    ),
    "topping": (
        "Mint Chocolate|Salted Caramel|Dark Chocolate|Milk Chocolate|Sugar Free|Rainbow"
        "|Chocolate|Strawberry|Cherry|Butterscotch|Peanut Butter|Cookies & Cream|Classic"
        "|Fat Free|Vanilla|Raspberry",
        0.7,
        0.1,
    ),
    "spice_form": (
        "Ground|Whole|Crushed|Rubbed|Dried|Minced|Granulated|Smoked|Roasted|Toasted|Coarse"
        "|Fine|Cracked|Salt Free|Fine Ground|Coarse Ground|Flaked|Mediterranean|Vietnamese"
        "|Ceylon|Hungarian|Spanish|Mexican|Turkish",
        0.5,
        0.05,
    ),
    "pickle": (
        "Garlic|Spicy|Hot|Mild|Sweet|Zesty|Kosher|Polish|Half Sour|Whole|Sliced|Pitted"
        "|Pimento Stuffed|Garlic Stuffed|Blue Cheese Stuffed|Jalapeno Stuffed|Greek|Italian"
        "|Spanish|Sicilian|Marinated|Crinkle Cut|Baby|Homestyle|Refrigerated",
        0.6,
        0.05,
    ),
    "plates": (
        "Heavy Duty|Everyday|Premium|Compostable|Recycled|Clear|Red|Blue|White|Black|Gold"
        "|Silver|Printed|Holiday|Party|Soak Proof|Microwave Safe|Bagasse|Eco Friendly"
        "|Assorted",
        0.7,
        0.1,
    ),
    "bread": (
        "Whole Wheat|Multigrain|Sourdough|Rye|Honey Wheat|White|Seeded|Sprouted|Pumpernickel"
        "|Oat|Potato|Brioche|Cinnamon Raisin|Everything|Sesame|Ancient Grain|Flax"
        "|Seven Grain|Italian|French|Garlic|Onion|Plain|Sun Dried Tomato|Spinach",
        0.55,
        0.05,
    ),
    "nut": (
        "Sea Salt|Lightly Salted|Unsalted|Honey Roasted|Dry Roasted|Smoked|Roasted & Salted"
        "|Raw|Blanched|Sliced|Slivered|Chopped|Whole|Halves|Pieces|Chili Lime|Cinnamon"
        "|Dark Chocolate|Jumbo|Sweetened|Unsweetened|Sulfur Free|Sprouted|Spicy|Garlic"
        "|Salt & Pepper|Maple|Rosemary",
        0.7,
        0.05,
    ),
    "feminine": (
        "Regular|Super|Super Plus|Light|Unscented|Scented|Long|Extra Long|Heavy Flow|Daily"
        "|Multipack|Plastic Applicator|Cardboard Applicator|Non-Applicator|Sport|Sensitive"
        "|With Wings|Fragrance Free|Overnight|Ultra Thin",
        0.75,
        0.3,
    ),
    "beauty": (
        "Black|Brown|Nude|Red|Pink|Coral|Berry|Plum|Clear|Natural|Light|Medium|Deep"
        "|Waterproof|Lengthening|Volumizing|Matte|Shimmer|Sheer|Long Lasting|Quick Dry"
        "|Hydrating|Vanilla|Floral|Fresh|Rose Gold|For Her|Anarchy",
        0.75,
        0.5,
    ),
    "pizza": (
        "Pepperoni|Cheese|Four Cheese|Supreme|Suprema|Margherita|Sausage"
        "|Sausage & Pepperoni|Mushroom|Veggie|Hawaiian|Meat Lovers|BBQ Chicken"
        "|Buffalo Chicken|Spinach & Feta|White|Uncured Pepperoni|Combination|Spicy Italian"
        "|Five Cheese|Roasted Vegetable|Canadian Bacon|Deluxe|Garlic Chicken",
        0.85,
        0.15,
    ),
    "cream_cheese": (
        "Plain|Chive & Onion|Garden Vegetable|Strawberry|Honey Pecan|Jalapeno|Everything"
        "|Smoked Salmon|Garlic & Herb|Blueberry|Whole Milk|Low Fat|2% Milkfat|4% Milkfat"
        "|Pineapple|Cinnamon|Original|Whipped|Salted Caramel",
        0.7,
        0.3,
    ),
    "mint": (
        "Peppermint|Spearmint|Wintergreen|Cinnamon|Fruit|Bubblegum|Watermelon|Strawberry"
        "|Mint|Cool Mint|Polar Ice|Sweet Mint|Arctic Mint|Tropical|Lemon|Green Tea"
        "|Cinnamon Fire|Berry|Sour Apple",
        0.85,
        0.15,
    ),
    "pasta": (
        "Bronze Cut|Artisan|Italian|Imported|Tri Color|Spinach|Red Lentil|Chickpea|Brown Rice"
        "|Quinoa|Veggie|Durum Wheat|Semolina|Protein Plus|Thin|Jumbo|Mini|Traditional|Egg"
        "|Corn & Rice|Whole Wheat",
        0.5,
        0.05,
    ),
    "misc": (
        "Assorted|Classic|Deluxe|Mini|Large|Small|Seasonal|Holiday|Birthday|Spring|Rainbow"
        "|Gold|Silver|Red|Blue|White|Black|Multicolor",
        0.5,
        0.2,
    ),
}

# Size groups: appended to some names, and the pool the de-duplication draws variants from.
_SIZES: dict[str, str] = {
    "oz": "4 Oz|6 Oz|7 Oz|8 Oz|10 Oz|12 Oz|14 Oz|16 Oz|24 Oz|32 Oz",
    "can": "5 Oz|10.5 Oz|14.5 Oz|15 Oz|15.5 Oz|19 Oz|28 Oz|29 Oz|4 Pack|6 Pack",
    "jar": "6 Oz|8 Oz|10 Oz|12 Oz|16 Oz|18 Oz|24 Oz|32 Oz|Squeeze Bottle|Glass Jar",
    "bottle": "8.5 Fl Oz|12 Fl Oz|16.9 Fl Oz|25.5 Fl Oz|33.8 Fl Oz|48 Fl Oz|1 Liter|3 Liter",
    "fl": "8 Fl Oz|12 Fl Oz|16 Fl Oz|20 Fl Oz|32 Fl Oz|46 Fl Oz|52 Fl Oz|59 Fl Oz|64 Fl Oz"
    "|Half Gallon|1 Gallon",
    "drinkpack": "12 Fl Oz|16.9 Fl Oz|20 Fl Oz|1 Liter|2 Liter|6 Pack|8 Pack|12 Pack|24 Pack"
    "|Mini Cans",
    "lb": "8 Oz|12 Oz|1 Lb|1.25 Lb|1.5 Lb|2 Lb|3 Lb|5 Lb|Family Pack|Value Pack",
    "count": "4 Count|6 Count|8 Count|10 Count|12 Count|16 Count|20 Count|24 Count|36 Count"
    "|48 Count",
    "produce": "Each|Bunch|1 Lb|2 Lb Bag|3 Lb Bag|5 Lb Bag|Pint|Clamshell|6 Oz|Family Pack",
    "care": "1 Oz|1.7 Oz|2.6 Oz|3.4 Fl Oz|6 Fl Oz|8 Fl Oz|12 Fl Oz|16 Fl Oz|Travel Size|Twin Pack",
    "med": "12 Count|20 Count|24 Count|30 Count|48 Count|100 Count|4 Fl Oz|6 Fl Oz|8 Fl Oz"
    "|0.5 Fl Oz",
    "pills": "30 Count|60 Count|90 Count|120 Count|180 Count|250 Count|30 Softgels"
    "|60 Softgels|90 Capsules|100 Tablets",
    "home": "12 Count|20 Count|40 Count|50 Count|75 Count|100 Count|6 Rolls|12 Rolls|24 Rolls"
    "|Mega Pack",
    "item": "1 Count|2 Count|3 Count|4 Count|6 Count|Set of 3|Set of 4|Each|2 Pack|3 Pack",
    "liquid": "16 Fl Oz|22 Fl Oz|28 Fl Oz|32 Fl Oz|50 Fl Oz|64 Fl Oz|75 Fl Oz|92 Fl Oz"
    "|100 Fl Oz|150 Fl Oz",
    "pet": "3 Oz|5.5 Oz|13 Oz|3 Lb|4 Lb|7 Lb|12 Lb|15 Lb|24 Count|12 Pack",
    "baby_food": "2.5 Oz|3.5 Oz|4 Oz|4 Pack|6 Pack|12 Count|12.4 Oz|21 Oz|23.2 Oz|32 Fl Oz",
    "diaper": "Size 1|Size 2|Size 3|Size 4|Size 5|Size 6|Newborn|Jumbo Pack|Giant Pack|72 Count",
    "wine": "750 Ml|375 Ml|1.5 L|3 L Box|Magnum|Half Bottle|4 Pack|Gift Box|2016|2018",
    "beer": "6 Pack|12 Pack|24 Pack|4 Pack|12 Fl Oz|16 Fl Oz Can|22 Fl Oz|Bottles|Cans|Tall Boys",
    "spirit": "50 Ml|200 Ml|375 Ml|750 Ml|1 L|1.75 L|80 Proof|90 Proof|100 Proof|Gift Set",
    "bars": "5 Count|6 Count|8 Count|10 Count|12 Count|1.4 Oz|1.76 Oz|2.1 Oz|Minis|Value Box",
    "snack": "1 Oz|5 Oz|7 Oz|8 Oz|9.5 Oz|10 Oz|13 Oz|Party Size|Family Size|Multipack",
    "candy": "1.5 Oz|1.75 Oz|3 Oz|3.5 Oz|5 Oz|7 Oz|10 Oz|Share Size|Fun Size|King Size",
    "frozen": "8 Oz|9 Oz|10 Oz|12 Oz|16 Oz|20 Oz|24 Oz|32 Oz|Family Size|Single Serve",
    "pint": "1 Pint|1.5 Quart|48 Oz|14 Oz|Quart|4 Pack|6 Count|12 Count|Mini Cups|Single Serve",
    "bread": "16 Oz|20 Oz|24 Oz|Loaf|Half Loaf|Sliced|6 Count|8 Count|12 Count|Family Size",
    "bakery": "6 Count|8 Count|12 Count|16 Oz|20 Oz|Half Sheet|Quarter Sheet|Mini|Slice|Whole",
    "deli": "6 Oz|7 Oz|8 Oz|9 Oz|12 Oz|16 Oz|Half Pound|1 Lb|Family Size|Snack Size",
    "cheese": "4 Oz|5 Oz|6 Oz|7 Oz|8 Oz|10 Oz|12 Oz|16 Oz|2 Lb|Wedge",
    "eggs": "6 Count|12 Count|18 Count|24 Count|Dozen|Half Dozen|2.5 Dozen|Carton|Flat|Family Pack",
    "tea": "16 Count|18 Count|20 Count|40 Count|50 Count|80 Count|100 Count|1.5 Oz|3 Oz|Loose Leaf",
    "coffee": "10 Oz|11 Oz|12 Oz|16 Oz|24 Oz|2 Lb|10 Count|12 Count|18 Count|32 Count",
    "spice": "0.5 Oz|0.75 Oz|1 Oz|1.5 Oz|2 Oz|2.5 Oz|3 Oz|4 Oz|6 Oz|Grinder",
    "pasta": "8 Oz|12 Oz|16 Oz|1 Lb|2 Lb|9 Oz|13.25 Oz|Family Size|Value Pack|Box",
    "bulk": "Per Lb|8 Oz|1 Lb|2 Lb|3 Lb|5 Lb|Bulk Bin|By The Pound|Family Size|Value Pack",
    "plates": "8 Count|10 Count|20 Count|24 Count|30 Count|50 Count|100 Count|Party Pack"
    "|Value Pack|Bulk Pack",
    "instant": "2.25 Oz|3 Oz|4.1 Oz|5.5 Oz|6 Oz|7.25 Oz|4 Pack|6 Pack|12 Pack|Single Cup",
    "bake": "4 Oz|8 Oz|12 Oz|16 Oz|24 Oz|2 Lb|4 Lb|5 Lb|10 Lb|Canister",
    "butter": "4 Oz|7 Oz|8 Oz|15 Oz|16 Oz|1 Lb|2 Lb Roll|4 Sticks|Tub|Quarters",
    "cream": "8 Fl Oz|16 Fl Oz|32 Fl Oz|1 Pint|1 Quart|Half Pint|64 Fl Oz|24 Count|48 Count"
    "|7 Oz Can",
    "gum": "1 Pack|3 Pack|5 Pack|12 Pack|14 Count|15 Count|50 Count|60 Count|100 Count|Bottle",
    "cups": "4 Count|6 Count|8 Count|12 Count|3.25 Oz|3.5 Oz|4 Oz|16 Oz|24 Oz|Single Cup",
    "cookie": "5 Oz|7 Oz|8 Oz|9.5 Oz|10 Oz|12 Oz|13 Oz|14.3 Oz|Family Size|Snack Packs",
    "protein": "1 Lb|2 Lb|5 Lb|12 Servings|20 Servings|30 Servings|4 Pack|12 Pack|11 Fl Oz|14 Oz",
    "dressing": "8 Fl Oz|12 Fl Oz|16 Fl Oz|24 Fl Oz|36 Fl Oz|5 Oz|3.5 Oz|Squeeze Bottle"
    "|Glass Bottle|Family Size",
    "cocoa": "0.74 Oz|1.38 Oz|8 Count|10 Count|12 Count|20 Count|8 Oz|16 Oz|1.5 Lb|Canister",
    "candle": "1 Count|2 Count|4 Count|6 Count|12 Count|3 Oz|8 Oz|14.5 Oz|16 Oz|Refill",
    "cereal": "8 Oz|10 Oz|12 Oz|14 Oz|16 Oz|18 Oz|20 Oz|Family Size|Giant Size|Single Serve Cups",
    "hot_cereal": "1.51 Oz|8 Count|10 Count|12 Count|16 Oz|18 Oz|24 Oz|32 Oz|42 Oz|Canister",
    "yogurt": "4 Oz|5.3 Oz|6 Oz|16 Oz|24 Oz|32 Oz|4 Pack|6 Pack|12 Pack|8 Count",
}

# Brand words, qualifiers and how often each appears, per kind of product. Brands are
# invented; a few carry an apostrophe or an ampersand, as real brand names do.
_KINDS: dict[str, tuple[str, float, str, float]] = {
    # kind: (brands, brand share, qualifiers, qualifier share)
    "food": (
        "Green Valley|Sunny Acres|Golden Harvest|Blue Ridge|Happy Farms|Meadow Lane|Pure Earth"
        "|Harvest Moon|Old Mill|Red Barn|Little Oak|Silver Creek|Maple Grove|Hearth & Home"
        "|Three Rivers|Cedar Hill|Bright Morning|True North|Wild Coast|Evergreen|Prairie Gold"
        "|Stone Bridge|Mountain High|Grandma's Kitchen|Baker's Choice|Farmer's Pride"
        "|Mama Rosa's|Uncle Joe's|Nature's Table|Simply Good|Country Fresh|Sweet Home"
        "|Bay Harbor|Sun Garden|Hill Country|Coastal Kitchen|Good Day|Open Field"
        "|Urban Pantry|Whole Harvest|Lucky Star|Blue Heron|Orchard Lane|Rolling Hills",
        0.3,
        # Organic is repeated because it is by far the commonest qualifier in the real file.
        "Organic|Organic|Organic|Organic|Gluten Free|Low Fat|Unsweetened|Original|Family Size"
        "|All Natural|Whole Grain|Light|Classic|Premium|Homestyle|Non-GMO"
        "|Sugar Free|Vegan|Fat Free|Keto|Lightly Sweetened|Artisan"
        "|Traditional|Old Fashioned|Kosher|Simply|Reduced Fat|Plant Based|High Protein"
        "|Low Carb|Authentic|Gourmet|Natural",
        0.35,
    ),
    "drink": (
        "Clear Spring|Crystal Peak|Fizz & Co.|Sun Valley|Blue Lagoon|Orchard Lane"
        "|Mountain High|Island Breeze|Pure Source|Bright Morning|Cool Creek|Tropic Isle"
        "|Fresh Squeeze|Good Day|Wild Coast|Big Sky|Lucky Star|Alpine Springs|Hydro Peak"
        "|Nature's Pour",
        0.35,
        "Organic|Organic|Unsweetened|Zero Sugar|Diet|Caffeine Free|Lightly Sweetened"
        "|Sparkling|Natural|Original|Cold Pressed|Low Calorie|Premium|100%|Pure|Light|Classic"
        "|Not From Concentrate|Sugar Free|Raw",
        0.35,
    ),
    "produce": (
        "Farmer's Market|Sun Valley|Green Field|Local Harvest|Fresh Fields|Orchard Lane",
        0.04,
        "Organic|Organic|Organic|Organic|Organic|Large|Small|Baby|Seedless|Mini|Jumbo|Fresh"
        "|Sweet|Local|Extra Large",
        0.45,
    ),
    "meat": (
        "Prairie Ranch|Red Barn|Golden Plains|Butcher's Block|Heritage Farms|Blue Ridge"
        "|Smokehouse Hill|Coastal Catch|Ocean Harvest|Country Fresh|Rolling Hills|Open Range",
        0.3,
        "Organic|Organic|Natural|Grass Fed|Free Range|Antibiotic Free|Pasture Raised"
        "|Wild Caught|Farm Raised|Air Chilled|Fresh|Uncured|Lean|Premium|Family Pack|Angus"
        "|Heritage|All Natural",
        0.4,
    ),
    "care": (
        "Pure Glow|Clear Skin Labs|Daily Care|Gentle Touch|Dr. Greene's|Bloom & Co."
        "|Fresh Start|Nature's Remedy|Simply Well|Bright Smile|Silk & Stone|Aqua Vita"
        "|Everwell|Botanic Lab|Cedar & Sage|True Care|Vital Health|Pure Source|Healthy Habits"
        "|Moonflower",
        0.45,
        "Unscented|Sensitive|Extra Strength|Travel Size|Fragrance Free|Ultra|Advanced|Daily"
        "|Gentle|Maximum Strength|Natural|Organic|Clinical|Hypoallergenic"
        "|Dermatologist Tested|Everyday|Professional|Vegan",
        0.35,
    ),
    "home": (
        "Sparkle Home|Clean Planet|Fresh Start|Tidy House|Bright Home|Green Works Co."
        "|Simply Clean|Shine On|Home Basics|Easy Living|Everyday Home|Clear Choice|Pure Home"
        "|Good Home|Tough Guard",
        0.45,
        "Ultra|Concentrated|Heavy Duty|Compostable|Recycled|Plant Based|Fragrance Free"
        "|Extra Strength|Eco|Original|Antibacterial|Disinfecting|Multi Surface|Biodegradable"
        "|Value Size|Professional",
        0.35,
    ),
    "pet": (
        "Happy Tails|Loyal Companion|Pet Pantry|Wild Prairie|Blue Ridge|Tail Blazers"
        "|Nature's Bowl|Whole Paws|True Companion|Farmhouse Pets|Golden Meadow|Pure Pet",
        0.55,
        "Grain Free|Grain Free|Adult|Senior|Natural|High Protein|Limited Ingredient"
        "|Sensitive Stomach|Wholesome|Classic|Gourmet|Indoor|Healthy Weight|Organic",
        0.45,
    ),
    "baby": (
        "Little Sprout|Tiny Tummies|Baby Bloom|Little Bear|Sweet Pea|Baby Steps"
        "|Little Seedling|Tender Care|Sleepy Owl|Snuggle Bug|Gentle Start",
        0.5,
        "Organic|Organic|Stage 1|Stage 2|Stage 3|Sensitive|Hypoallergenic|Gentle|Natural"
        "|Newborn|Toddler|Infant|Plant Based|Fragrance Free",
        0.4,
    ),
    "wine": (
        "Willow Creek Vineyards|Red Fox Cellars|Stone Ridge Winery|Oak & Barrel"
        "|Golden Hills Estate|Silver Lake Cellars|Two Rivers Winery|Moonrise Vineyards"
        "|Cypress Point|La Colina|Casa Del Sol|Chateau Bellevue|Domaine Lavande|Villa Rosa"
        "|Sunset Ridge|Blackbird Estate|Bodega Luna",
        0.85,
        "Reserve|Estate|Single Vineyard|Organic|Old Vine|Limited Release|Vintner's Select"
        "|Barrel Select|Dry|Classic|Private Reserve|Sustainably Farmed",
        0.3,
    ),
    "beer": (
        "Copper Kettle Brewing|Twin Peaks Brewing|Coastal Hops|Black Bear Brewing"
        "|Iron Horse Ales|Old Harbor Brewing|Riverbend Brewery|Red Rock Ales"
        "|Lighthouse Brewing|Tall Pines Brewing|Foggy Bay Brewing|Wild Orchard Cider"
        "|Sunny Side Seltzer|Tin Roof Brewing",
        0.8,
        "Craft|Seasonal|Limited Edition|Light|Unfiltered|Imported|Premium|Barrel Aged"
        "|Small Batch|Extra|Organic",
        0.25,
    ),
    "spirit": (
        "Black Bear Distilling|Old Harbor|Silver Fox|Copper Still|Stone House Distillery"
        "|Blue Agave Co.|Highland Glen|Captain's Reserve|Iron Gate|Sierra Madre|Twin Oaks"
        "|Northern Lights|Old Crow Creek",
        0.75,
        "Premium|Reserve|Craft|Imported|Special Reserve|Limited Edition|Handcrafted|Straight"
        "|Organic|Double Distilled|Triple Distilled",
        0.25,
    ),
    "other": (
        "Home Basics|Party Time|Bright Home|Green Field|Sun Garden|Lucky Star",
        0.3,
        "Assorted|Deluxe|Classic|Reusable|Premium|Everyday",
        0.3,
    ),
}

# Department id -> kind; alcohol is split by aisle because wine, beer and spirits brands differ.
_DEPARTMENT_KIND: dict[int, str] = {
    2: "other",
    4: "produce",
    7: "drink",
    8: "pet",
    10: "produce",
    11: "care",
    12: "meat",
    17: "home",
    18: "baby",
}
_AISLE_KIND: dict[str, str] = {
    "beers coolers": "beer",
    "red wines": "wine",
    "white wines": "wine",
    "specialty wines champagnes": "wine",
    "spirits": "spirit",
}

# Aisles whose quoted names read as inches (12" Thin Crust Pepperoni Pizza); elsewhere the
# double quotes wrap a word ("Everything" Bagel Chips).
_INCH_AISLES = frozenset(
    {
        "frozen pizza",
        "tortillas flat bread",
        "plates bowls cups flatware",
        "baking supplies decor",
        "air fresheners candles",
        "kitchen supplies",
        "food storage",
    }
)
_INCHES = ("6", "7", "8", "9", "10", "12", "14", "16")
_QUOTE_WORDS = _split(
    "Everything|Original|Simply|Ultimate|Classic|Naked|Famous|Perfect|Real|Mighty"
)

# Targets for the punctuation that makes products.csv need quoting; drawn as exact counts so
# every catalog lands inside the 2-5% and 0.3-1% bands whatever the seed.
_COMMA_SHARE = 0.035
_QUOTE_SHARE = 0.006
_SIZE_SHARE = 0.15

# De-duplication appends a size, then a size plus one of these, then puts one of the
# prefixes in front: enough distinct variants that collisions always resolve.
_EXTRAS = _split(
    "Value Pack|Twin Pack|Multipack|Club Size|Bonus Pack|Party Size|Snack Pack|Variety Pack"
    "|Family Size|Mini"
)
_PREFIXES = _split(
    "New|Select|Signature|Everyday|Deluxe|Special Edition|Limited Edition|Seasonal|Fresh|Choice"
)

# Columns of the per-product uniform draws.
_BRAND_P, _BRAND, _QUAL_P, _QUAL, _BASE, _VAR_P, _VAR, _VAR_AFTER = range(8)
_SIZE_P, _SIZE, _DEDUPE, _DONOR, _EXTRA = range(8, 13)
_DRAWS = 13


@dataclass(frozen=True, slots=True)
class _AisleWords:
    """Everything product_names needs for one aisle, split and ready to index."""

    bases: tuple[tuple[str, str, bool], ...]  # (head before "*", core noun, takes a variety)
    varieties: tuple[str, ...]
    variety_share: float
    after_share: float
    sizes: tuple[str, ...]
    brands: tuple[str, ...]
    brand_share: float
    qualifiers: tuple[str, ...]
    qualifier_share: float
    inch: bool


def _parse_base(base: str) -> tuple[str, str, bool]:
    takes_variety = not base.endswith("!")
    base = base.rstrip("!")
    head, star, core = base.partition("*")
    if not star:
        return "", base, takes_variety
    return head.strip(), core, takes_variety


@cache
def _aisle_words() -> dict[int, _AisleWords]:
    """Split the word tables once, on first use rather than at import."""
    table: dict[int, _AisleWords] = {}
    for aisle, (*_, variety_key, size_key) in zip(AISLES, _AISLE_ROWS, strict=True):
        if aisle.aisle_id == MISSING_AISLE_ID:
            continue
        varieties, variety_share, after_share = _VARIETIES[variety_key]
        kind = _AISLE_KIND.get(aisle.name, _DEPARTMENT_KIND.get(aisle.department_id, "food"))
        brands, brand_share, qualifiers, qualifier_share = _KINDS[kind]
        table[aisle.aisle_id] = _AisleWords(
            bases=tuple(_parse_base(b) for b in _split(_AISLE_BASES[aisle.name])),
            varieties=_split(varieties),
            variety_share=variety_share,
            after_share=after_share,
            sizes=_split(_SIZES[size_key]),
            brands=_split(brands),
            brand_share=brand_share,
            qualifiers=_split(qualifiers),
            qualifier_share=qualifier_share,
            inch=aisle.name in _INCH_AISLES,
        )
    return table


def _pick(words: tuple[str, ...], u: float) -> str:
    return words[int(u * len(words))]


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


_LINKS = frozenset({"&", "of", "in", "for", "With"})


@cache
def _words(phrase: str) -> frozenset[str]:
    """Content words of a phrase, to spot repeats such as "Whole Grain Grain Blend"."""
    return frozenset(phrase.split()) - _LINKS


def _compose(w: _AisleWords, r: list[float], form: int) -> tuple[str, str]:
    """Build one name as (stem, size); form 0 plain, 1 with a comma, 2 with double quotes."""
    head, core, takes_variety = _pick(w.bases, r[_BASE])
    brand = _pick(w.brands, r[_BRAND]) if r[_BRAND_P] < w.brand_share else ""
    qual = _pick(w.qualifiers, r[_QUAL]) if r[_QUAL_P] < w.qualifier_share else ""
    can_vary = takes_variety and bool(w.varieties)
    variety = _pick(w.varieties, r[_VAR]) if can_vary and r[_VAR_P] < w.variety_share else ""
    size = _pick(w.sizes, r[_SIZE]) if r[_SIZE_P] < _SIZE_SHARE else ""

    # Avoid repeated words: "Organic Organic ...", "Chocolate Chocolate Milk".
    if variety and _words(variety) & _words(core):
        variety = ""
    if qual and _words(qual) & (_words(core) | _words(variety)):
        qual = ""
    after = bool(variety) and (
        r[_VAR_AFTER] < w.after_share or variety.startswith(("With ", "No ", "in "))
    )
    before_variety = "" if after else variety
    after_variety = variety if after else ""

    if form == 1:  # "Pasta Sauce, Tomato Basil" / "Chicken Breast, Boneless Skinless"
        forced = _pick(w.varieties, r[_VAR]) if can_vary else ""
        if not variety and forced and not _words(forced) & _words(_join(qual, core)):
            variety = forced
        if variety:
            descriptor = variety
        else:  # no variety fits: the size becomes the descriptor ("Honeycrisp Apple, Each")
            descriptor, size = size or _pick(w.sizes, r[_SIZE]), ""
        return f"{_join(brand, head, qual, core)}, {descriptor}", size
    if form == 2 and w.inch:  # 12" Thin Crust Pepperoni Pizza
        inch = _INCHES[int(r[_EXTRA] * len(_INCHES))]
        return f'{inch}" {_join(head, qual, before_variety, core, after_variety)}', size
    if form == 2:  # "Everything" Bagel Chips: quote one word, a long quoted phrase reads oddly
        if not variety or " " in variety:
            variety = _QUOTE_WORDS[int(r[_EXTRA] * len(_QUOTE_WORDS))]
        if _words(variety) & _words(qual):
            qual = ""
        return _join(brand, head, qual, f'"{variety}"', core), size
    return _join(brand, head, qual, before_variety, core, after_variety), size


def _unique(stem: str, size: str, sizes: tuple[str, ...], u: float, seen: set[str]) -> str:
    """Return stem + size, or the first unused size/pack variant of it, and mark it used."""
    name = _join(stem, size)
    if name not in seen:
        seen.add(name)
        return name
    start = int(u * len(sizes))  # rotate so repeated stems do not all get the same size first
    rotated = sizes[start:] + sizes[:start]
    for prefix in ("", *_PREFIXES):
        for extra in ("", *_EXTRAS):
            for variant in ("", *rotated):
                name = _join(prefix, stem, variant, extra)
                if name not in seen:
                    seen.add(name)
                    return name
    raise RuntimeError(f"cannot make a unique product name from {stem!r}")


def _forms(rng: np.random.Generator, n: int) -> list[int]:
    """Exact-count random choice of which products get a comma (1) or double quotes (2)."""
    n_comma = round(n * _COMMA_SHARE)
    n_quote = round(n * _QUOTE_SHARE)
    order = rng.permutation(n)
    forms = np.zeros(n, dtype=np.int8)
    forms[order[:n_comma]] = 1
    forms[order[n_comma : n_comma + n_quote]] = 2
    return forms.tolist()


def product_names(rng: np.random.Generator, aisle_ids: np.ndarray) -> list[str]:
    """One unique, plausible product name per element of `aisle_ids`, in the same order.

    Names fit their aisle, are title case and ASCII, and about 3.5% contain a comma and
    0.6% a double quote, like the real products.csv. Products of the "missing" aisle get
    names borrowed from a random other aisle, as in the real file. The result depends only
    on the generator state and `aisle_ids`.
    """
    ids = np.asarray(aisle_ids)
    if ids.ndim != 1:
        raise ValueError(f"aisle_ids must be one-dimensional, got shape {ids.shape}")
    id_list: list[int] = ids.tolist()
    words = _aisle_words()
    unknown = set(id_list) - words.keys() - {MISSING_AISLE_ID}
    if unknown:
        raise ValueError(f"unknown aisle ids: {sorted(unknown)[:10]}")

    n = len(id_list)
    draws: list[list[float]] = rng.random((n, _DRAWS)).tolist()
    forms = _forms(rng, n)
    donors = tuple(words)  # every aisle but "missing", in id order
    seen: set[str] = set()
    names: list[str] = []
    for aisle_id, r, form in zip(id_list, draws, forms, strict=True):
        if aisle_id == MISSING_AISLE_ID:
            w = words[donors[int(r[_DONOR] * len(donors))]]
        else:
            w = words[aisle_id]
        stem, size = _compose(w, r, form)
        names.append(_unique(stem, size, w.sizes, r[_DEDUPE], seen))
    return names
