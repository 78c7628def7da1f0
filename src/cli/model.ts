/** The demo's classifier: a 784-256-10 multilayer perceptron with a ReLU between the layers. */
import * as paddle from '../index.js';
import { IMAGE_SIZE, NUM_CLASSES } from './mnist.js';

export const HIDDEN = 256;

export class MLP extends paddle.nn.Layer {
  readonly fc1 = this.addSublayer('fc1', new paddle.nn.Linear(IMAGE_SIZE, HIDDEN));
  readonly fc2 = this.addSublayer('fc2', new paddle.nn.Linear(HIDDEN, NUM_CLASSES));

  override forward(x: paddle.Tensor): paddle.Tensor {
    return this.fc2.forward(paddle.nn.functional.relu(this.fc1.forward(x)));
  }
}
