#!/bin/sh
# Reads the whole request body and says how many bytes arrived.
n=$(wc -c)
printf 'Content-Type: text/plain\r\n\r\nreceived %s bytes\n' "$n"
