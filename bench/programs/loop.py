# A tight integer loop: dispatch, small-int arithmetic, comparisons, local variables.
def run(n):
    total = 0
    i = 0
    while i < n:
        if i % 3 == 0:
            total += i
        else:
            total -= 1
        i += 1
    return total

print("checksum", run(6_000_000))
