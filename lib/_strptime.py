"""strptime for time.strptime and datetime.datetime.strptime (gilpy).

The format is turned into one regular expression (cached) with a named group per
directive; the matched pieces are then combined into the 9 time-tuple fields plus
the time zone name/offset and the microseconds. Names are the C locale's (English).
Error messages are CPython's.
"""
import re
import time

__all__ = []

_DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
_DAY_ABBRS = [d[:3] for d in _DAY_NAMES]
_MONTH_NAMES = ['', 'january', 'february', 'march', 'april', 'may', 'june', 'july',
                'august', 'september', 'october', 'november', 'december']
_MONTH_ABBRS = [''] + [m[:3] for m in _MONTH_NAMES[1:]]
_DAYS_BEFORE_MONTH = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
_DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def _isleap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)


def _ordinal(y, m, d):
    p = y - 1
    return p * 365 + p // 4 - p // 100 + p // 400 + _DAYS_BEFORE_MONTH[m] + (m > 2 and _isleap(y)) + d


def _check_date(y, m, d):
    if not 1 <= y <= 9999:
        raise ValueError('year %d is out of range' % y)
    if not 1 <= m <= 12:
        raise ValueError('month must be in 1..12')
    dim = 29 if (m == 2 and _isleap(y)) else _DAYS_IN_MONTH[m]
    if not 1 <= d <= dim:
        raise ValueError('day is out of range for month')


def _from_ordinal(n):
    # Inverse of _ordinal: (year, month, day).
    n -= 1
    n400, n = divmod(n, 146097)
    y = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    y += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return y - 1, 12, 31
    leap = _isleap(y)
    m = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[m] + (m > 2 and leap)
    if preceding > n:
        m -= 1
        preceding -= (_DAYS_IN_MONTH[m] + (m == 2 and leap))
    return y, m, n - preceding + 1


def _weekday(y, m, d):
    return (_ordinal(y, m, d) + 6) % 7


def _names_re(names):
    names = sorted((n for n in names if n), key=len, reverse=True)
    return '(?:' + '|'.join(re.escape(n) for n in names) + ')'


def _tz_names():
    utc = {'utc', 'gmt'}
    std, dst = (n.lower() for n in time.tzname)
    if time.daylight:
        return frozenset(utc | {std}), frozenset({dst})
    return frozenset(utc | {std}), frozenset()


_BASE = {
    'd': r"(?P<d>3[0-1]|[1-2]\d|0[1-9]|[1-9]| [1-9])",
    'f': r"(?P<f>[0-9]{1,6})",
    'H': r"(?P<H>2[0-3]|[0-1]\d|\d)",
    'I': r"(?P<I>1[0-2]|0[1-9]|[1-9])",
    'G': r"(?P<G>\d\d\d\d)",
    'j': r"(?P<j>36[0-6]|3[0-5]\d|[1-2]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
    'm': r"(?P<m>1[0-2]|0[1-9]|[1-9])",
    'M': r"(?P<M>[0-5]\d|\d)",
    'S': r"(?P<S>6[0-1]|[0-5]\d|\d)",
    'U': r"(?P<U>5[0-3]|[0-4]\d|\d)",
    'W': r"(?P<W>5[0-3]|[0-4]\d|\d)",
    'w': r"(?P<w>[0-6])",
    'u': r"(?P<u>[1-7])",
    'V': r"(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)",
    'y': r"(?P<y>\d\d)",
    'Y': r"(?P<Y>\d\d\d\d)",
    'z': r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
    'A': '(?P<A>' + _names_re(_DAY_NAMES)[3:],
    'a': '(?P<a>' + _names_re(_DAY_ABBRS)[3:],
    'B': '(?P<B>' + _names_re(_MONTH_NAMES)[3:],
    'b': '(?P<b>' + _names_re(_MONTH_ABBRS)[3:],
    'p': '(?P<p>' + _names_re(['am', 'pm'])[3:],
    '%': '%',
}
# Locale-dependent composites, in the C locale.
_COMPOSITE = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y', 'X': '%H:%M:%S'}

_regex_chars = re.compile(r"([\\.^$*+?\(\){}\[\]|])")
_whitespace = re.compile(r'\s+')
_cache = {}
_CACHE_MAX = 5


def _directive_re(ch, seen):
    if ch in _COMPOSITE:
        return _pattern(_COMPOSITE[ch], seen)
    if ch == 'Z':
        a, b = _tz_names()
        return '(?P<Z>' + _names_re(list(a) + list(b))[3:]
    r = _BASE[ch]  # KeyError for a bad directive
    if len(r) > 4 and r.startswith('(?P<'):
        name = r[4:r.index('>')]
        if name in seen:  # a repeated directive: back-reference it
            return '(?P=%s)' % name
        seen.add(name)
    return r


def _pattern(format, seen):
    out = []
    format = _regex_chars.sub(r"\\\1", format)
    format = _whitespace.sub(r'\\s+', format)
    while '%' in format:
        i = format.index('%') + 1
        out.append(format[:i - 1])
        out.append(_directive_re(format[i], seen))  # IndexError for a stray %
        format = format[i + 1:]
    out.append(format)
    return ''.join(out)


def _compile(format):
    regex = _cache.get(format)
    if regex is None:
        try:
            regex = re.compile(_pattern(format, set()), re.IGNORECASE)
        except KeyError as err:
            bad = err.args[0]
            if bad == '\\':
                bad = '%'
            del err
            raise ValueError("'%s' is a bad directive in format '%s'" % (bad, format)) from None
        except IndexError:
            raise ValueError("stray %% in format '%s'" % format) from None
        if len(_cache) > _CACHE_MAX:
            _cache.clear()
        _cache[format] = regex
    return regex


def _calc_julian_from_U_or_W(year, week_of_year, day_of_week, week_starts_Mon):
    first_weekday = _weekday(year, 1, 1)
    if not week_starts_Mon:
        first_weekday = (first_weekday + 1) % 7
        day_of_week = (day_of_week + 1) % 7
    week_0_length = (7 - first_weekday) % 7
    if week_of_year == 0:
        return 1 + day_of_week - first_weekday
    return 1 + week_0_length + 7 * (week_of_year - 1) + day_of_week


def _calc_julian_from_V(iso_year, iso_week, iso_weekday):
    correction = _weekday(iso_year, 1, 4) + 1 + 3
    ordinal = iso_week * 7 + iso_weekday - correction
    if ordinal < 1:
        ordinal += _ordinal(iso_year, 1, 1)
        iso_year -= 1
        ordinal -= _ordinal(iso_year, 1, 1)
    return iso_year, ordinal


def _strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return (time tuple + tz name + gmtoff), fraction, gmtoff fraction."""
    for index, arg in enumerate([data_string, format]):
        if not isinstance(arg, str):
            msg = "strptime() argument {} must be str, not {}"
            raise TypeError(msg.format(index, type(arg)))
    found = _compile(format).match(data_string)
    if not found:
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError("unconverted data remains: %s" % data_string[found.end():])

    iso_year = year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    iso_week = week_of_year = None
    week_of_year_start = None
    weekday = julian = None
    tzname = None
    d = found.groupdict()
    for key in d:
        v = d[key]
        if key == 'y':
            year = int(v)
            year += 2000 if year <= 68 else 1900
        elif key == 'Y':
            year = int(v)
        elif key == 'G':
            iso_year = int(v)
        elif key == 'm':
            month = int(v)
        elif key == 'B':
            month = _MONTH_NAMES.index(v.lower())
        elif key == 'b':
            month = _MONTH_ABBRS.index(v.lower())
        elif key == 'd':
            day = int(v)
        elif key == 'H':
            hour = int(v)
        elif key == 'I':
            hour = int(v)
            ampm = (d.get('p') or '').lower()
            if ampm in ('', 'am'):
                if hour == 12:
                    hour = 0
            elif ampm == 'pm':
                if hour != 12:
                    hour += 12
        elif key == 'M':
            minute = int(v)
        elif key == 'S':
            second = int(v)
        elif key == 'f':
            fraction = int(v + '0' * (6 - len(v)))
        elif key == 'A':
            weekday = _DAY_NAMES.index(v.lower())
        elif key == 'a':
            weekday = _DAY_ABBRS.index(v.lower())
        elif key == 'w':
            weekday = int(v)
            weekday = 6 if weekday == 0 else weekday - 1
        elif key == 'u':
            weekday = int(v) - 1
        elif key == 'j':
            julian = int(v)
        elif key in ('U', 'W'):
            week_of_year = int(v)
            week_of_year_start = 6 if key == 'U' else 0
        elif key == 'V':
            iso_week = int(v)
        elif key == 'z':
            z = v
            if z == 'Z':
                gmtoff = 0
            else:
                if z[3] == ':':
                    z = z[:3] + z[4:]
                    if len(z) > 5:
                        if z[5] != ':':
                            raise ValueError("Inconsistent use of : in %s" % d['z'])
                        z = z[:5] + z[6:]
                hours = int(z[1:3])
                minutes = int(z[3:5])
                seconds = int(z[5:7] or 0)
                gmtoff = (hours * 60 + minutes) * 60 + seconds
                frac = z[8:]
                gmtoff_fraction = int(frac + '0' * (6 - len(frac))) if frac else 0
                if z.startswith('-'):
                    gmtoff = -gmtoff
                    gmtoff_fraction = -gmtoff_fraction
        elif key == 'Z':
            found_zone = v.lower()
            tzname = v
            std, dst = _tz_names()
            if found_zone in std and not (time.tzname[0] == time.tzname[1] and time.daylight
                                          and found_zone not in ('utc', 'gmt')):
                tz = 0
            elif found_zone in dst:
                tz = 1

    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with "
                             "the ISO week directive '%V' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not "
                             "compatible with ISO year directive '%G'. "
                             "Use '%Y' instead.")
    elif week_of_year is None and iso_week is not None:
        if weekday is None or year is None:
            raise ValueError("ISO week directive '%V' must be used with "
                             "the ISO year directive '%G' and a weekday "
                             "directive ('%A', '%a', '%w', or '%u').")
        else:
            raise ValueError("ISO week directive '%V' is incompatible with "
                             "the year directive '%Y'. Use the ISO year '%G' "
                             "instead.")

    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904
        leap_year_fix = True
    elif year is None:
        year = 1900

    if julian is None and weekday is not None:
        if week_of_year is not None:
            julian = _calc_julian_from_U_or_W(year, week_of_year, weekday,
                                              week_of_year_start == 0)
        elif iso_year is not None and iso_week is not None:
            year, julian = _calc_julian_from_V(iso_year, iso_week, weekday + 1)
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _isleap(year) else 365

    if julian is None:
        _check_date(year, month, day)
        julian = _ordinal(year, month, day) - _ordinal(year, 1, 1) + 1
    else:
        y, month, day = _from_ordinal(julian - 1 + _ordinal(year, 1, 1))
        year = y
    if weekday is None:
        weekday = _weekday(year, month, day)
    if leap_year_fix:
        year = 1900

    return ((year, month, day, hour, minute, second, weekday, julian, tz, tzname, gmtoff),
            fraction, gmtoff_fraction)


def _strptime_time(data_string, format="%a %b %d %H:%M:%S %Y"):
    """time.strptime: a struct_time."""
    tt = _strptime(data_string, format)[0]
    return time.struct_time(tt[:9], {'tm_zone': tt[9], 'tm_gmtoff': tt[10]}) \
        if _STRUCT_TIME_DICT else time.struct_time(tt)


def _strptime_datetime(cls, data_string, format="%a %b %d %H:%M:%S %Y"):
    """datetime.strptime: an instance of cls."""
    tt, fraction, gmtoff_fraction = _strptime(data_string, format)
    tzname, gmtoff = tt[-2:]
    args = tt[:6] + (fraction,)
    if gmtoff is not None:
        from datetime import timedelta, timezone
        tzdelta = timedelta(seconds=gmtoff, microseconds=gmtoff_fraction)
        if tzname:
            tz = timezone(tzdelta, tzname)
        else:
            tz = timezone(tzdelta)
        args += (tz,)
    return cls(*args)


# CPython's struct_time accepts the 11 fields as a sequence; detect once.
try:
    time.struct_time((1900, 1, 1, 0, 0, 0, 0, 1, -1, None, None))
    _STRUCT_TIME_DICT = False
except TypeError:
    _STRUCT_TIME_DICT = True
