#!/bin/sh
# Dialtone talks to switches over USB-serial console cables; on Linux those devices belong
# to the dialout group.
echo "Dialtone: to use a USB console cable, add your user to the dialout group:"
echo "  sudo usermod -aG dialout \$USER   (then log out and back in)"
