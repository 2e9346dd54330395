# python -m base64 with an unknown option: the message and usage on stderr, status 2.
-m base64 -x
