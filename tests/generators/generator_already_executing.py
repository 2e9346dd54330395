# A running generator cannot be re-entered through next(), send(), throw() or close().
def attempt(action):
    def gen():
        yield action(me)
    me = gen()
    return me
for name, action in [("next", next), ("send", lambda g: g.send(None)),
                     ("throw", lambda g: g.throw(KeyError)), ("close", lambda g: g.close())]:
    g = attempt(action)
    try:
        next(g)
    except ValueError as e:
        print(name, type(e).__name__, e)
def observe():
    yield me.gi_running
me = observe()
print(me.gi_running, next(me), me.gi_running)
