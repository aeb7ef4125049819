"""Netmiko's side of bench/serial-apply.ts: the same job on the same kind of line, with its defaults.

  /usr/bin/python3 bench/serial-apply-netmiko.py '<json>'

The JSON names the PTY, the login and, per interface, the configuration commands Dialtone
planned. Per interface: read its configuration, send the commands, read it back; then save.
Prints one JSON line: seconds, and whether every read-back shows the commands.
"""
import json
import sys
import time

import netmiko.base_connection
from netmiko import ConnectHandler

# Netmiko accepts only ports the OS lists as serial devices; a PTY is not listed, so its
# name is taken as given. Nothing else of Netmiko changes.
netmiko.base_connection.check_serial_port = lambda name: name

job = json.loads(sys.argv[1])
started = time.monotonic()
connection = ConnectHandler(
    device_type="cisco_ios_serial",
    username=job["username"],
    password=job["password"],
    secret=job["secret"],
    serial_settings={"port": job["path"], "baudrate": job["baud"]},
)
connection.enable()
verified = True
for interface in job["interfaces"]:
    command = "show running-config interface " + interface["name"]
    connection.send_command(command)
    connection.send_config_set(interface["commands"])
    after = connection.send_command(command)
    wanted = [line for line in interface["commands"] if not line.startswith("interface ")]
    verified = verified and all(line in after for line in wanted)
saved = connection.save_config()
connection.disconnect()
print(json.dumps({"seconds": time.monotonic() - started, "verified": verified, "saved": "[OK]" in saved}))
