/** The guided tour in English: the panel's labels and every step's title and body, by step id. */
import type { StoryStrings } from '../../story/storySteps.ts';

export const storyEn: StoryStrings = {
  panel: {
    heading: 'Guided tour',
    next: 'Next',
    back: 'Back',
    close: 'Close',
    stepOf: (n, total) => `Step ${n} of ${total}`,
  },
  steps: {
    'temperature-one': {
      title: 'Temperature 1 changes nothing',
      body:
        'A language model gives every possible next token a probability p. ' +
        "Sampling at temperature t draws the token from p' = p^(1/t)/Z instead. " +
        'At t = 1 the power is 1 and Z = 1, so the tokens are drawn from exactly the model’s own ' +
        'distribution.',
    },
    'infinite-temperature': {
      title: 'A very high temperature makes everything equally likely',
      body:
        'At T = ∞ the Boltzmann factor e^(−E/T) is 1 for every level, so energy stops mattering: ' +
        'each of the three levels holds a third of the particles. On the token side t = ∞ makes every token ' +
        'equally likely, and the text turns into noise. A large finite temperature, such as 20, already ' +
        'looks almost the same.',
    },
    'zero-temperature': {
      title: 'A temperature near zero picks the most likely',
      body:
        'As T falls towards 0, the factor e^(−E/T) dies fastest on the highest levels, and at T = 0.02 every ' +
        'particle sits in the ground state. For tokens this is greedy decoding: ' +
        'nearly every draw is the most likely token, and at t = 0 every one is. ' +
        'Cold means certain, and repetitive.',
    },
    'boltzmann-origin': {
      title: 'Where the formula comes from',
      body:
        'A small system shares a fixed total energy with a large reservoir, and every way of sharing it is ' +
        'equally likely. When the reservoir gives energy E to the system, its number of microstates Ω ' +
        'shrinks by the factor e^(−E/T) (that is what temperature means: ' +
        '1/T = d ln Ω/dE), so p = g·e^(−E/T)/Z. In the Einstein solid, N oscillators pass q quanta around at ' +
        'random with no temperature imposed, yet the quanta of any one oscillator follow this law with 1/T = ' +
        'ln(1 + N/q). Each particle on screen is such an oscillator, here at T = 1.',
    },
    'entropy-perplexity': {
      title: 'Entropy and perplexity',
      body:
        'The entropy S = −Σ p ln(p/g) measures how widely the particles spread over the states; ' +
        'for the next token the same sum is H = −Σ p ln p. Its exponential counts choices: ' +
        'e^S is the effective number of occupied states, and the perplexity e^H is the effective number of ' +
        'tokens the model is choosing between. Heating makes both grow; ' +
        'at T = ∞ the three-level system has e^S = 3 exactly.',
    },
    truncation: {
      title: 'Top-k, top-p and min-p set g = 0',
      body:
        'Truncating samplers remove unlikely tokens before the draw. In the physics picture a removed token ' +
        'is a level whose degeneracy g is set to 0: it stays on the ladder, but no state is left on it, so ' +
        'it is empty at every temperature. Here top-p = 0.9 keeps the fewest most likely tokens that ' +
        'together hold at least 90% of the probability.',
    },
    'population-inversion': {
      title: 'Negative temperature: population inversion',
      body:
        'A system whose energies are bounded above, like this two-level system, can have a negative ' +
        'temperature. At T = −0.5 the factor e^(−E/T) grows with energy, so the upper level holds more ' +
        'particles than the lower one: a population inversion, the state a laser needs. ' +
        'Negative temperatures are hotter than infinite ones: on the scale β = 1/T they lie beyond β = 0.',
    },
    'least-likely-first': {
      title: 'Negative t: least likely first',
      body:
        'A token ladder is always finite, so t < 0 works for tokens too. ' +
        "At t = −1, p' ∝ p^(−1) = 1/p: the rarest token becomes the favourite, and the favourite the rarest. " +
        'No mainstream sampler allows this; it is what lies beyond t = ∞.',
    },
  },
};
