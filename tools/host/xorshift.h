/*
 * The host tests' random numbers: Marsaglia's xorshift64, seeded from the test's command
 * line so that a failing run can be repeated exactly.  Include it once per program.
 */
#ifndef HOST_XORSHIFT_H
#define HOST_XORSHIFT_H

static unsigned long long rng_state = 0x9e3779b97f4a7c15ULL;

/* Mix a seed into the state (a zero state would stay zero, so never assign it). */
static inline void rng_seed(unsigned long long seed)
{
	rng_state ^= seed * 0x2545F4914F6CDD1DULL;
}

static inline unsigned long long rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

#endif
