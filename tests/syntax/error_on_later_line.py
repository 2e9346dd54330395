print("this line is fine, but nothing runs")
def ok():
    return 1
x = [1, 2
y = 3
z = 4
