# os.register_at_fork: `before` hooks run in reverse registration order, `after_in_parent` and
# `after_in_child` in registration order; an exception in a hook is reported as unraisable
# ("Exception ignored in: <hook>") and the other hooks still run. The child waits for the
# parent's hooks (a pipe) so that the two processes' reports do not interleave.
import os
import sys

from _forkutil import child_exit, wait_child

log = []


class Hook:
    def __init__(self, name, fail=False):
        self.name = name
        self.fail = fail

    def __call__(self):
        log.append(self.name)
        if self.fail:
            raise ValueError("hook %s failed" % self.name)

    def __repr__(self):
        return "<hook %s>" % self.name


gate_r, gate_w = os.pipe()


def wait_for_parent():
    os.close(gate_w)
    os.read(gate_r, 1)


def open_gate():
    os.close(gate_r)
    sys.stderr.flush()
    os.write(gate_w, b"x")
    os.close(gate_w)


os.register_at_fork(after_in_child=wait_for_parent)
os.register_at_fork(before=Hook("before1"), after_in_parent=Hook("parent1"),
                    after_in_child=Hook("child1"))
os.register_at_fork(before=Hook("before2", fail=True), after_in_parent=Hook("parent2", fail=True),
                    after_in_child=Hook("child2", fail=True))
os.register_at_fork(before=Hook("before3"), after_in_child=Hook("child3"))
os.register_at_fork(after_in_parent=open_gate)

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print("child log:", log)
    child_exit(0)
code = wait_child(pid)
print("parent log:", log)
print("child exit code:", code)
