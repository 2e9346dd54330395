# NameError suggestions appear only in the traceback ("Did you mean: ...?").
number_of_items = 3
try:
    print(number_of_itemz)
except NameError as e:
    print("caught:", e)
print(number_of_itemz)
