# while/else: else runs when the loop ends without break.
n = 0
while n < 3:
    n += 1
else:
    print("finished normally", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("never printed")
print("after break", n)
i = 10
while i > 0:
    i -= 3
    if i % 2 == 0:
        continue
    print("odd", i)
