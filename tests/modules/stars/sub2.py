print("init stars.sub2 (never imported by star)")
