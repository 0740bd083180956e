# Parses a text with a TextFSM template and prints the header and rows
# as JSON: python3 run.py TEMPLATE TEXT
import json
import sys

import textfsm

with open(sys.argv[1]) as t, open(sys.argv[2]) as f:
    fsm = textfsm.TextFSM(t)
    rows = fsm.ParseText(f.read().replace("\r", ""))
print(json.dumps({"header": fsm.header, "rows": rows}))
