# python -m base64 encodes stdin (MIME lines) to stdout.
-m base64
