# return from inside loops, and loops in functions.
def first_even(nums):
    for n in nums:
        if n % 2 == 0:
            return n
    return None
def count_down(n):
    out = []
    while True:
        out.append(n)
        if n == 0:
            return out
        n -= 1
print(first_even([1, 3, 4, 6]), first_even([1]), count_down(3))
