# A script with arguments: sys.argv[0] is the script path as given.
_support/show_argv.py one "two words" 3
