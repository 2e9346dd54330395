# input() reads lines from stdin (tests/builtins/input_from_stdin.in); prompts go to stdout.
name = input("Name? ")
age = int(input("Age? "))
print(f"Hello {name}, next year you will be {age + 1}.")
rest = []
while True:
    try:
        rest.append(input())
    except EOFError as e:
        print("EOF:", type(e).__name__, repr(str(e)))
        break
print(rest)
