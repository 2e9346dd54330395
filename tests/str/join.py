# str.join and its errors.
print(",".join(["a", "b", "c"]), "".join("xyz"), "-".join([]), " ".join(("x",)))
print(", ".join(str(i) for i in range(5)))
print("|".join({"k1": 1, "k2": 2}))
for bad in ([1, 2], ["a", None], [b"x"]):
    try:
        "-".join(bad)
    except TypeError as e:
        print(type(e).__name__, e)
