# All literal forms.
print(0xFF, 0o17, 0b101, 1_000, 1.5e-3, 2j, 1.5J, "s", 's', """t""", b"b", rb"\d", f"f{1}", u"u", R"\raw")
print((), (1,), [], [1,], {}, {1: 2,}, {1,}, ..., None, True, False)
print('''a 'quoted' "string"''', "\N{BULLET}", "\101", "\x41", "\u0041", "\U00000041")
