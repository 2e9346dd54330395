# f-string expressions, nesting, quotes and braces.
name, n = "World", 42
print(f"Hello, {name}! {n + 1} {n * 2:5d} {{braces}} {'quoted'} {name!r} {name.upper()}")
items = [1, 2, 3]
print(f"{len(items)} items: {', '.join(str(i) for i in items)}", f"{items[0]}{items[-1]}", f"{ {'k': 1}['k'] }")
print(f"{'nested ' + f'{n}'}", f"{n:{'>'}{10}}", F"upper F", rf"raw\n{n}", fr"{name}\t")
print(f"{3.14159:.{2}f}", f"{'x':*^{n // 7}}", f"""{
    n
}""", f"{n=}", f"{n = }", f"{name=!s}", f"{n=:x}", f"{1 + 1=}")
print(f"{'a' if n else 'b'}", f"{(lambda: 5)()}", f"{n!a}", f"{'é'!a}", f"{n:#x}")
