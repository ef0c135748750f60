#!/usr/bin/env python3
"""Turns doc/content-format.md into the twoway-content(5) man page.

Usage: md2man.py INPUT.md OUTPUT.5 VERSION

Understands the Markdown that page uses: # headings, paragraphs, - and 1.
lists, fenced and indented code blocks, | tables (one tagged paragraph a
row), `code`, **bold**, *emphasis* and [links](#anchor).
"""
import re
import sys


def esc(text):
    text = text.replace('\\', '\\e')
    return text


def inline(text):
    out = []
    # code spans first, so their contents are not read as emphasis
    for i, part in enumerate(re.split(r'(`[^`]*`)', text)):
        if i % 2:
            out.append('\\fB' + esc(part[1:-1]) + '\\fR')
            continue
        part = esc(part)
        part = re.sub(r'\[([^\]]+)\]\([^)]*\)', r'\1', part)
        part = re.sub(r'\*\*([^*]+)\*\*', r'\\fB\1\\fR', part)
        part = re.sub(r'(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])', r'\\fI\1\\fR', part)
        out.append(part)
    return ''.join(out)


def line(text):
    """One output text line, safe from being read as a request."""
    text = text.strip()
    if text.startswith(('.', "'")):
        text = '\\&' + text
    return text


def code(text):
    """One line of a code block, kept as written."""
    text = esc(text.rstrip())
    if text.startswith(('.', "'")):
        text = '\\&' + text
    return text


def cells(row):
    return [c.strip() for c in row.strip().strip('|').split('|')]


def convert(md, version):
    out = ['.\\" Generated from doc/content-format.md by tools/md2man.py; edit that file.',
           '.TH TWOWAY-CONTENT 5 "" "twoway %s" "File Formats"' % version,
           '.SH NAME',
           'twoway-content \\- the format of twoway guide files',
           '.SH DESCRIPTION']
    lines = md.split('\n')
    i = 0
    para = []

    def flush():
        if para:
            out.append('.PP')
            out.append(line(inline(' '.join(para))))
            para.clear()

    while i < len(lines):
        ln = lines[i]
        if ln.startswith('```'):
            flush()
            i += 1
            out += ['.PP', '.RS 4', '.nf']
            while i < len(lines) and not lines[i].startswith('```'):
                out.append(code(lines[i]))
                i += 1
            out += ['.fi', '.RE']
            i += 1
            continue
        if ln.startswith('    ') and not para:
            out += ['.PP', '.RS 4', '.nf']
            while i < len(lines) and (lines[i].startswith('    ') or not lines[i].strip()):
                if not lines[i].strip() and (i + 1 >= len(lines) or not lines[i + 1].startswith('    ')):
                    break
                out.append(code(lines[i][4:]))
                i += 1
            out += ['.fi', '.RE']
            continue
        m = re.match(r'(#+) (.*)', ln)
        if m:
            flush()
            level, title = len(m.group(1)), m.group(2)
            if level == 2:
                out.append('.SH ' + inline(title).upper())
            elif level >= 3:
                out.append('.SS ' + inline(title))
            i += 1
            continue
        if ln.startswith('|'):
            flush()
            head = cells(ln)
            i += 2  # the header and the --- row
            while i < len(lines) and lines[i].startswith('|'):
                row = cells(lines[i])
                tag = inline(row[0])
                for h, c in zip(head[1:-1], row[1:-1]):
                    tag += ' (%s: %s)' % (h.lower(), inline(c))
                out += ['.TP', line(tag), line(inline(row[-1]))]
                i += 1
            continue
        m = re.match(r'(- |\d+\. )(.*)', ln)
        if m:
            flush()
            mark = '\\(bu' if m.group(1) == '- ' else m.group(1).strip()
            item = [m.group(2)]
            i += 1
            while i < len(lines) and lines[i].startswith('  ') and lines[i].strip():
                item.append(lines[i].strip())
                i += 1
            out += ['.IP %s 4' % mark, line(inline(' '.join(item)))]
            continue
        if not ln.strip():
            flush()
            i += 1
            continue
        para.append(ln.strip())
        i += 1
    flush()
    out += ['.SH SEE ALSO', '.BR twoway (1)']
    return '\n'.join(out) + '\n'


def main():
    src, dst, version = sys.argv[1:4]
    with open(src, encoding='utf-8') as f:
        md = f.read()
    # the page's own title line becomes NAME
    md = re.sub(r'\A# .*\n', '', md)
    with open(dst, 'w', encoding='utf-8') as f:
        f.write(convert(md, version))


if __name__ == '__main__':
    main()
