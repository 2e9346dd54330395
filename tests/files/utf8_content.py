# UTF-8 text: characters vs bytes, explicit encodings and decode errors.
import os
name = "utf8_content.tmp"
text = "héllo wörld — ünïcödé ✓ 日本 🐍\n"
try:
    with open(name, "w", encoding="utf-8") as f:
        print(f.write(text))
    print(os.path.getsize(name), len(text), len(text.encode("utf-8")))
    with open(name, encoding="utf-8") as f:
        back = f.read()
    print(back == text, back.strip())
    with open(name, "rb") as f:
        raw = f.read()
    print(raw[:8], raw.decode("utf-8") == text)
    with open(name, encoding="utf-8") as f:
        print(repr(f.read(2)), repr(f.read(3)))
    with open(name, "w", encoding="latin-1") as f:
        f.write("café")
    with open(name, "rb") as f:
        print(f.read())
    try:
        with open(name, encoding="utf-8") as f:
            f.read()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
    with open(name, encoding="utf-8", errors="replace") as f:
        print(f.read())
    try:
        with open(name, "w", encoding="ascii") as f:
            f.write("naïve")
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)
    try:
        open(name, encoding="no-such-codec")
    except LookupError as e:
        print(type(e).__name__, e)
finally:
    os.remove(name)
