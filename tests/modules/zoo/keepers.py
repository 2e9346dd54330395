print("init zoo.keepers")
head_keeper = "Sam"
def roster():
    return [head_keeper, "Kim"]
