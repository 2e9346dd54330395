# A hand-written JSON-like serializer and parser with pretty printing and error reporting.
class EncodeError(TypeError):
    pass
class ParseError(ValueError):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at position {pos}")
        self.pos = pos
ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}
def encode_str(s):
    return '"' + "".join(ESCAPES.get(c, c) for c in s) + '"'
def dumps(obj, indent=2, level=0, sort_keys=False, _seen=None):
    seen = _seen if _seen is not None else set()
    pad, inner = " " * (indent * level), " " * (indent * (level + 1))
    if obj is None:
        return "null"
    if obj is True or obj is False:
        return "true" if obj else "false"
    if isinstance(obj, (int, float)):
        if obj != obj or obj in (float("inf"), float("-inf")):
            raise EncodeError(f"cannot encode {obj!r}")
        return repr(obj)
    if isinstance(obj, str):
        return encode_str(obj)
    if isinstance(obj, (list, tuple, dict)):
        if id(obj) in seen:
            raise EncodeError("circular reference detected")
        seen.add(id(obj))
        try:
            if isinstance(obj, dict):
                if not obj:
                    return "{}"
                items = sorted(obj.items()) if sort_keys else obj.items()
                parts = []
                for k, v in items:
                    if not isinstance(k, str):
                        raise EncodeError(f"keys must be str, not {type(k).__name__}")
                    parts.append(f"{inner}{encode_str(k)}: {dumps(v, indent, level + 1, sort_keys, seen)}")
                return "{\n" + ",\n".join(parts) + "\n" + pad + "}"
            if not obj:
                return "[]"
            if all(isinstance(x, (int, float, bool, type(None))) for x in obj):
                return "[" + ", ".join(dumps(x) for x in obj) + "]"
            return "[\n" + ",\n".join(inner + dumps(x, indent, level + 1, sort_keys, seen) for x in obj) + "\n" + pad + "]"
        finally:
            seen.discard(id(obj))
    raise EncodeError(f"Object of type {type(obj).__name__} is not serializable")
class Parser:
    def __init__(self, text):
        self.text, self.pos = text, 0
    def error(self, msg):
        raise ParseError(msg, self.pos)
    def ws(self):
        while self.pos < len(self.text) and self.text[self.pos] in " \n\t\r":
            self.pos += 1
    def peek(self):
        self.ws()
        return self.text[self.pos] if self.pos < len(self.text) else ""
    def expect(self, ch):
        if self.peek() != ch:
            self.error(f"expected {ch!r}")
        self.pos += 1
    def parse(self):
        value = self.value()
        if self.peek():
            self.error("trailing data")
        return value
    def value(self):
        c = self.peek()
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.pos):
                self.pos += len(word)
                return val
        return self.number()
    def obj(self):
        self.expect("{")
        result = {}
        if self.peek() == "}":
            self.pos += 1
            return result
        while True:
            if self.peek() != '"':
                self.error("expected string key")
            key = self.string()
            self.expect(":")
            result[key] = self.value()
            if self.peek() == ",":
                self.pos += 1
                continue
            self.expect("}")
            return result
    def arr(self):
        self.expect("[")
        items = []
        if self.peek() == "]":
            self.pos += 1
            return items
        while True:
            items.append(self.value())
            if self.peek() == ",":
                self.pos += 1
                continue
            self.expect("]")
            return items
    def string(self):
        self.pos += 1
        out = []
        while self.pos < len(self.text):
            c = self.text[self.pos]
            self.pos += 1
            if c == '"':
                return "".join(out)
            if c == "\\":
                nxt = self.text[self.pos:self.pos + 1]
                self.pos += 1
                out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(nxt, nxt))
            else:
                out.append(c)
        self.error("unterminated string")
    def number(self):
        start = self.pos
        while self.pos < len(self.text) and self.text[self.pos] in "+-0123456789.eE":
            self.pos += 1
        chunk = self.text[start:self.pos]
        if not chunk:
            self.error("unexpected character " + repr(self.text[start:start + 1] or "EOF"))
        try:
            return float(chunk) if any(c in chunk for c in ".eE") else int(chunk)
        except ValueError:
            self.pos = start
            self.error(f"bad number {chunk!r}")
doc = {"name": "gilpy", "version": [0, 1, 0], "tags": ["python", "c++"], "stable": False,
       "meta": {"quote": 'say "hi"\n', "ratio": 0.25, "empty": {}, "none": None, "list": []},
       "matrix": [[1, 2], [3, 4]], "nested": [{"a": 1}, {"b": [True, None]}]}
text = dumps(doc)
print(text)
back = Parser(text).parse()
print(back == doc, dumps(back, indent=0, sort_keys=True).count("\n"))
print(dumps(["x", 1.5, (1, 2)], indent=4))
cyclic = [1]
cyclic.append(cyclic)
for bad in (cyclic, {1: "int key"}, {"s": {1, 2}}, float("nan")):
    try:
        dumps(bad)
    except EncodeError as e:
        print(type(e).__name__, e)
for src in ('{"a": 1,}', "[1, 2", '{"a" 1}', '"abc', "[1] x", "-", "[01.2.3]", '{"k": tru}', "  42  ", "[]"):
    try:
        print(repr(src), "->", Parser(src).parse())
    except ParseError as e:
        print(repr(src), "->", type(e).__name__, e, isinstance(e, ValueError))
