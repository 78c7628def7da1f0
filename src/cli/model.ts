/** The demo's classifier: a 784-256-10 multilayer perceptron with a ReLU between the layers. */
import { Layer, Linear } from '../nn/index.js';
import { relu } from '../nn/functional/index.js';
import type { Tensor } from '../tensor/tensor.js';
import { IMAGE_SIZE, NUM_CLASSES } from './mnist.js';

export const HIDDEN = 256;

export class MLP extends Layer {
  readonly fc1 = this.addSublayer('fc1', new Linear(IMAGE_SIZE, HIDDEN));
  readonly fc2 = this.addSublayer('fc2', new Linear(HIDDEN, NUM_CLASSES));

  override forward(x: Tensor): Tensor {
    return this.fc2.forward(relu(this.fc1.forward(x)));
  }
}
