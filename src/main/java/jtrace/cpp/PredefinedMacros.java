package jtrace.cpp;

/**
 * The macros the compiler defines before any file, as gcc does for x86-64 Linux (system headers
 * test these), plus bpftrace's {@code BPFTRACE_HAVE_BTF} and {@code _LINUX_TYPES_H} when the
 * kernel has BTF (bpftrace then takes kernel types from BTF, so linux/types.h must stay empty).
 */
final class PredefinedMacros {
    private PredefinedMacros() {}

    static final String GCC_X86_64 = """
            #define __STDC__ 1
            #define __STDC_VERSION__ 201710L
            #define __STDC_HOSTED__ 1
            #define __STDC_UTF_16__ 1
            #define __STDC_UTF_32__ 1
            #define __STDC_IEC_559__ 1
            #define __STDC_IEC_559_COMPLEX__ 1
            #define __STDC_ISO_10646__ 201706L
            #define __GNUC__ 12
            #define __GNUC_MINOR__ 2
            #define __GNUC_PATCHLEVEL__ 0
            #define __GNUC_STDC_INLINE__ 1
            #define __VERSION__ "12.2.0"
            #define __x86_64__ 1
            #define __x86_64 1
            #define __amd64__ 1
            #define __amd64 1
            #define __linux__ 1
            #define __linux 1
            #define __gnu_linux__ 1
            #define __unix__ 1
            #define __unix 1
            #define __ELF__ 1
            #define _LP64 1
            #define __LP64__ 1
            #define __CHAR_BIT__ 8
            #define __BIGGEST_ALIGNMENT__ 16
            #define __ORDER_LITTLE_ENDIAN__ 1234
            #define __ORDER_BIG_ENDIAN__ 4321
            #define __ORDER_PDP_ENDIAN__ 3412
            #define __BYTE_ORDER__ __ORDER_LITTLE_ENDIAN__
            #define __SIZEOF_INT__ 4
            #define __SIZEOF_LONG__ 8
            #define __SIZEOF_LONG_LONG__ 8
            #define __SIZEOF_SHORT__ 2
            #define __SIZEOF_POINTER__ 8
            #define __SIZEOF_FLOAT__ 4
            #define __SIZEOF_DOUBLE__ 8
            #define __SIZEOF_LONG_DOUBLE__ 16
            #define __SIZEOF_SIZE_T__ 8
            #define __SIZEOF_WCHAR_T__ 4
            #define __SIZEOF_WINT_T__ 4
            #define __SIZEOF_PTRDIFF_T__ 8
            #define __SIZEOF_INT128__ 16
            #define __SCHAR_MAX__ 0x7f
            #define __SHRT_MAX__ 0x7fff
            #define __INT_MAX__ 0x7fffffff
            #define __LONG_MAX__ 0x7fffffffffffffffL
            #define __LONG_LONG_MAX__ 0x7fffffffffffffffLL
            #define __WCHAR_MAX__ 0x7fffffff
            #define __WCHAR_MIN__ (-__WCHAR_MAX__ - 1)
            #define __WINT_MAX__ 0xffffffffU
            #define __WINT_MIN__ 0U
            #define __SIZE_MAX__ 0xffffffffffffffffUL
            #define __PTRDIFF_MAX__ 0x7fffffffffffffffL
            #define __INTMAX_MAX__ 0x7fffffffffffffffL
            #define __UINTMAX_MAX__ 0xffffffffffffffffUL
            #define __INTPTR_MAX__ 0x7fffffffffffffffL
            #define __UINTPTR_MAX__ 0xffffffffffffffffUL
            #define __SCHAR_WIDTH__ 8
            #define __SHRT_WIDTH__ 16
            #define __INT_WIDTH__ 32
            #define __LONG_WIDTH__ 64
            #define __LONG_LONG_WIDTH__ 64
            #define __SIZE_WIDTH__ 64
            #define __PTRDIFF_WIDTH__ 64
            #define __SIZE_TYPE__ long unsigned int
            #define __PTRDIFF_TYPE__ long int
            #define __WCHAR_TYPE__ int
            #define __WINT_TYPE__ unsigned int
            #define __INTMAX_TYPE__ long int
            #define __UINTMAX_TYPE__ long unsigned int
            #define __CHAR16_TYPE__ short unsigned int
            #define __CHAR32_TYPE__ unsigned int
            #define __INT8_TYPE__ signed char
            #define __INT16_TYPE__ short int
            #define __INT32_TYPE__ int
            #define __INT64_TYPE__ long int
            #define __UINT8_TYPE__ unsigned char
            #define __UINT16_TYPE__ short unsigned int
            #define __UINT32_TYPE__ unsigned int
            #define __UINT64_TYPE__ long unsigned int
            #define __INTPTR_TYPE__ long int
            #define __UINTPTR_TYPE__ long unsigned int
            #define __USER_LABEL_PREFIX__
            #define __REGISTER_PREFIX__
            #define __NO_INLINE__ 1
            #define __FINITE_MATH_ONLY__ 0
            #define __PIC__ 2
            #define __pic__ 2
            #define __PIE__ 2
            #define __pie__ 2
            #define __FILE__ "definitions.h"
            #define __LINE__ 0
            """;

    static final String BTF = """
            #define BPFTRACE_HAVE_BTF 1
            #define _LINUX_TYPES_H 1
            """;
}
