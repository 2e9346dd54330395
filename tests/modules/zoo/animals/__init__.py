print("init zoo.animals")
KINDS = ("cats", "dogs")
