# Uncaught KeyError shows the key repr on the last line.
config = {"host": "localhost"}
print(config["host"])
print(config["port"])
