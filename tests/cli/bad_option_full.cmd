# The whole stderr for an unknown short option (the interpreter path is {interpreter}).
-Z
