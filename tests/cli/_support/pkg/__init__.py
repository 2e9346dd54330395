print("pkg/__init__ runs first")
