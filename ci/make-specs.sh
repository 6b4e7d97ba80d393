#!/usr/bin/env bash
# Writes a spec folder of about 500 resources for the start-up measurement (docs/performance.md,
# "Start-up"): 100 attributes, 100 events, 150 audiences, 149 segmented experiences with 2 variants
# and content each (one file each), one Priority list; 154 files.
# Usage: ci/make-specs.sh DIR
set -euo pipefail
dir=$1
mkdir -p "$dir/experiences"
cp "$(dirname "$0")/../specs/cspctl.yaml" "$dir/cspctl.yaml"
{
  for i in $(seq 0 99); do
    printf -- '---\nkind: Attribute\nkey: attr_%d\nname: Attribute %d\ndescription: generated\n' "$i" "$i"
  done
} >"$dir/attributes.yaml"
{
  for i in $(seq 0 99); do
    printf -- '---\nkind: Event\nkey: event_%d\ndescription: generated\n' "$i"
  done
} >"$dir/events.yaml"
{
  for i in $(seq 0 149); do
    printf -- '---\nkind: Audience\nname: Audience %d\ndescription: generated\nmatch: all\nrules:\n  - attribute: attr_%d\n    condition: equals\n    value: v%d\n  - preset: DEVICE_TYPE\n    condition: equals\n    value: MOBILE\n' "$i" "$((i % 100))" "$i"
  done
} >"$dir/audiences.yaml"
{
  printf 'kind: Priority\norder:\n'
  for i in $(seq 0 148); do printf '  - Experience %d\n' "$i"; done
} >"$dir/priority.yaml"
for i in $(seq 0 148); do
  cat >"$dir/experiences/experience-$i.yaml" <<YAML
kind: Experience
name: Experience $i
description: generated
type: segmented
status: active
contentTypes: [page_$((i / 3))]
metrics:
  - event: event_$((i % 100))
    primary: true
variants:
  - name: First
    audiences: [Audience $((i % 150))]
    content:
      - contentType: page_$((i / 3))
        entry: blt0123456789abcdef
        fields:
          title: First of $i
  - name: Second
    audiences: [Audience $(((i + 1) % 150))]
    content:
      - contentType: page_$((i / 3))
        entry: blt0123456789abcdef
        fields:
          title: Second of $i
YAML
done
