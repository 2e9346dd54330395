# An uncaught "cannot import name" error (the module path is shown relative to the test folder).
from _plain_helper import present
print(present)
from _plain_helper import absent
