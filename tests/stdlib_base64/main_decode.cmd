# python -m base64 -d decodes stdin to stdout.
-m base64 -d
