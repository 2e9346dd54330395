# Keyword arguments can be given in any order; defaults fill gaps.
def connect(host, port=80, *, timeout=10, retries=3):
    return f"{host}:{port} timeout={timeout} retries={retries}"
print(connect("a"))
print(connect(port=8080, host="b"))
print(connect("c", retries=0, timeout=1))
print(connect(*("d", 22), **{"timeout": 5}))
