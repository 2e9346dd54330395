# An uncaught FileNotFoundError.
print("opening")
open("missing.txt")
