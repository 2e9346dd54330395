# -X options are collected in sys._xoptions.
-X foo=bar -X flag -c "import sys; print(sorted(sys._xoptions.items()))"
