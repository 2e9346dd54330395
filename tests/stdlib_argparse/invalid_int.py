# a type error on the command line: usage + "error: argument --n: invalid int value" on stderr, status 2
import argparse
parser = argparse.ArgumentParser(prog='counter', description='Count things.')
parser.add_argument('--n', type=int, default=1, help='how many')
parser.add_argument('words', nargs='*')
print(parser.parse_args(['--n', '3', 'a', 'b']))
parser.parse_args(['--n', 'x'])
print('not reached')
