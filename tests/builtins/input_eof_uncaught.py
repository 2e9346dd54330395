# input() at end of file raises EOFError.
print("about to read")
line = input("> ")
