#!/usr/bin/env python3
"""Rebuild src/assets/fonts/wqy-microhei-subset.ttf, the CJK font bundled for PDF export and for
machines without a CJK system font.

Source: WenQuanYi Micro Hei (Debian package fonts-wqy-microhei, Apache-2.0), a TrueType (glyf)
font, which jsPDF needs (CFF/OTF fonts such as Noto Sans CJK do not work there).
Kept: ASCII, Latin-1 and Latin Extended-A, general punctuation, CJK punctuation, full-width forms,
a few symbols, every hanzi of GB2312 (6,763, Simplified) and of Big5 level 1 (5,401, Traditional):
8,836 hanzi in all, 1.6 MB.

Needs: apt-get install fonts-wqy-microhei python3-fonttools
Run:   /usr/bin/python3 scripts/subset-font.py
"""
import os
import sys
from fontTools import subset

SRC = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'
OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'assets', 'fonts', 'wqy-microhei-subset.ttf')

chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x180)) | set(range(0x2000, 0x2070))
chars |= set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
chars |= {0x20AC, 0x2116, 0x2190, 0x2191, 0x2192, 0x2193, 0x2264, 0x2265, 0x2212, 0xD7, 0xF7,
          0x2022, 0x25CF, 0x25CB, 0x25A0, 0x25A1, 0x25B2, 0x25BC, 0x2713, 0x2717}


def decodable(codec, leads, trails):
    out = set()
    for b1 in leads:
        for b2 in trails:
            try:
                c = bytes([b1, b2]).decode(codec)
            except UnicodeDecodeError:
                continue
            if 0x4E00 <= ord(c) <= 0x9FFF:
                out.add(ord(c))
    return out


gb2312 = decodable('gb2312', range(0xB0, 0xF8), range(0xA1, 0xFF))
big5_level1 = decodable('big5', range(0xA4, 0xC7), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))
text = ''.join(chr(c) for c in sorted(chars | gb2312 | big5_level1))

if not os.path.exists(SRC):
    sys.exit(f'{SRC} is missing: apt-get install fonts-wqy-microhei')
subset.main([SRC, '--font-number=0', '--text=' + text, '--output-file=' + OUT, '--no-hinting',
             '--drop-tables+=DSIG,FFTM', "--name-IDs=*", "--layout-features=*"])
print(f'{OUT}: {len(gb2312 | big5_level1)} hanzi, {os.path.getsize(OUT)} bytes')
