/* The fuzzers' input reader: big-endian integers taken from libFuzzer's bytes,
 * zeros once the input runs out.  Included by fuzz.c and fuzz_e820.c. */
#ifndef FUZZ_INPUT_H
#define FUZZ_INPUT_H

static const u8 *in;
static size_t in_left;

static u64 take(int bytes)
{
	u64 v = 0;

	for (int i = 0; i < bytes; i++) {
		v <<= 8;
		if (in_left) {
			v |= *in++;
			in_left--;
		}
	}
	return v;
}
#endif
