# upper, lower, title, capitalize, swapcase, casefold.
s = "hello WORLD, it's a fine dAY ß ǆ"
print(s.upper()); print(s.lower()); print(s.title()); print(s.capitalize()); print(s.swapcase()); print(s.casefold())
print("ß".upper(), "ﬁ".upper(), "İ".lower(), len("İ".lower()))
print("straße".casefold() == "STRASSE".casefold(), "ΣΑΣ".lower())
print("they're bill's friends".title(), "123abc".capitalize(), "ABC".capitalize())
