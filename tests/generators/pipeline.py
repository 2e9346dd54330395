# Generator pipelines.
def read_lines():
    yield from ["10", "x", "20", "", "30"]
def parse(lines):
    for line in lines:
        try:
            yield int(line)
        except ValueError:
            print("skipping", repr(line))
def running_total(nums):
    total = 0
    for n in nums:
        total += n
        yield total
print(list(running_total(parse(read_lines()))))
