import sys as _sys_private
import os
public = "public"
_hidden = "hidden"
def func():
    return "func"
