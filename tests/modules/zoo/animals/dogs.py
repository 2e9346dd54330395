print("init zoo.animals.dogs")
def bark():
    return "woof"
