/** Paddle's documentation examples for this area, each beside its TypeScript twin (harness.ts). */
import { expect } from 'vitest';
import * as paddle from '../../../src/index.js';
import { conformance, py } from './harness.js';
import { I, T } from './helpers.js';

export default conformance({
  area: 'tensor-manipulation',
  sources: ["tensor/manipulation.py"],
  cases: [
    {
      api: 'paddle.broadcast_to',
      python: py`
      >>> import paddle

      >>> data = paddle.to_tensor([1, 2, 3], dtype='int32')
      >>> out = paddle.broadcast_to(data, shape=[2, 3])
      >>> print(out)
      Tensor(shape=[2, 3], dtype=int32, place=Place(cpu), stop_gradient=True,
      [[1, 2, 3],
       [1, 2, 3]])
      `,
      run: (doc) => {
        doc.out(paddle.broadcast_to(T([1, 2, 3], { dtype: 'int32' }), [2, 3]));
      },
    },
    {
      api: 'paddle.cast',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([2, 3, 4], 'float64')
      >>> y = paddle.cast(x, 'uint8')
      `,
      run: (doc) => {
        const x = T([2, 3, 4], { dtype: 'float64' });
        const y = paddle.cast(x, 'uint8');
        expect(y.dtype).toBe('uint8');
        expect(y.tolist()).toEqual([2, 3, 4]);
      },
    },
    {
      api: 'paddle.chunk',
      python: py`
      >>> import paddle

      >>> x = paddle.rand([3, 9, 5])

      >>> out0, out1, out2 = paddle.chunk(x, chunks=3, axis=1)
      >>> # out0.shape [3, 3, 5]
      >>> # out1.shape [3, 3, 5]
      >>> # out2.shape [3, 3, 5]

      >>> # axis is negative, the real axis is (rank(x) + axis) which real
      >>> # value is 1.
      >>> out0, out1, out2 = paddle.chunk(x, chunks=3, axis=-2)
      >>> # out0.shape [3, 3, 5]
      >>> # out1.shape [3, 3, 5]
      >>> # out2.shape [3, 3, 5]
      `,
      run: (doc) => {
        const x = paddle.rand([3, 9, 5]);
        for (const axis of [1, -2]) {
          const outs = paddle.chunk(x, 3, { axis });
          expect(outs.map((o) => o.shape)).toEqual([[3, 3, 5], [3, 3, 5], [3, 3, 5]]);
        }
      },
    },
    {
      api: 'paddle.concat',
      python: py`
      >>> import paddle

      >>> x1 = paddle.to_tensor([[1, 2, 3],
      ...                        [4, 5, 6]])
      >>> x2 = paddle.to_tensor([[11, 12, 13],
      ...                        [14, 15, 16]])
      >>> x3 = paddle.to_tensor([[21, 22],
      ...                        [23, 24]])
      >>> zero = paddle.full(shape=[1], dtype='int32', fill_value=0)
      >>> # When the axis is negative, the real axis is (axis + Rank(x))
      >>> # As follow, axis is -1, Rank(x) is 2, the real axis is 1
      >>> out1 = paddle.concat(x=[x1, x2, x3], axis=-1)
      >>> out2 = paddle.concat(x=[x1, x2], axis=0)
      >>> out3 = paddle.concat(x=[x1, x2], axis=zero)
      >>> print(out1)
      Tensor(shape=[2, 8], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[1 , 2 , 3 , 11, 12, 13, 21, 22],
       [4 , 5 , 6 , 14, 15, 16, 23, 24]])
      >>> print(out2)
      Tensor(shape=[4, 3], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[1 , 2 , 3 ],
       [4 , 5 , 6 ],
       [11, 12, 13],
       [14, 15, 16]])
      >>> print(out3)
      Tensor(shape=[4, 3], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[1 , 2 , 3 ],
       [4 , 5 , 6 ],
       [11, 12, 13],
       [14, 15, 16]])
      `,
      run: (doc) => {
        const x1 = I([[1, 2, 3], [4, 5, 6]]);
        const x2 = I([[11, 12, 13], [14, 15, 16]]);
        const x3 = I([[21, 22], [23, 24]]);
        const zero = paddle.full([1], 0, { dtype: 'int32' });
        const out1 = paddle.concat([x1, x2, x3], { axis: -1 });
        const out2 = paddle.concat([x1, x2], { axis: 0 });
        const out3 = paddle.concat([x1, x2], { axis: zero });
        doc.out(out1);
        doc.out(out2);
        doc.out(out3);
      },
    },
    {
      api: 'paddle.expand',
      python: py`
      >>> import paddle

      >>> data = paddle.to_tensor([1, 2, 3], dtype='int32')
      >>> out = paddle.expand(data, shape=[2, 3])
      >>> print(out)
      Tensor(shape=[2, 3], dtype=int32, place=Place(cpu), stop_gradient=True,
      [[1, 2, 3],
       [1, 2, 3]])
      `,
      run: (doc) => {
        doc.out(paddle.expand(T([1, 2, 3], { dtype: 'int32' }), [2, 3]));
      },
    },
    {
      api: 'paddle.flatten',
      python: py`
      >>> import paddle

      >>> image_shape=(2, 3, 4, 4)

      >>> x = paddle.arange(end=image_shape[0] * image_shape[1] * image_shape[2] * image_shape[3])
      >>> img = paddle.reshape(x, image_shape)

      >>> out = paddle.flatten(img, start_axis=1, stop_axis=2)
      >>> print(out.shape)
      [2, 12, 4]

      >>> # out shares data with img in dygraph mode
      >>> img[0, 0, 0, 0] = -1
      >>> print(out[0, 0, 0])
      Tensor(shape=[], dtype=int64, place=Place(cpu), stop_gradient=True,
      -1)
      `,
      note: "results are copies here, not views (README): the line showing that out shares img's memory is not compared",
      run: (doc) => {
        const imageShape = [2, 3, 4, 4];
        const x = paddle.arange(2 * 3 * 4 * 4);
        const img = paddle.reshape(x, imageShape);
        const out = paddle.flatten(img, { startAxis: 1, stopAxis: 2 });
        doc.out(out.shape);
        img.set('0, 0, 0, 0', -1);
        doc.skip('out[0, 0, 0] after img[0, 0, 0, 0] = -1: Paddle returns a view, this package a copy');
      },
    },
    {
      api: 'paddle.flip',
      python: py`
      >>> import paddle

      >>> image_shape=(3, 2, 2)
      >>> img = paddle.arange(image_shape[0] * image_shape[1] * image_shape[2]).reshape(image_shape)
      >>> tmp = paddle.flip(img, [0,1])
      >>> print(tmp)
      Tensor(shape=[3, 2, 2], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[[10, 11],
        [8 , 9 ]],
       [[6 , 7 ],
        [4 , 5 ]],
       [[2 , 3 ],
        [0 , 1 ]]])

      >>> out = paddle.flip(tmp,-1)
      >>> print(out)
      Tensor(shape=[3, 2, 2], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[[11, 10],
        [9 , 8 ]],
       [[7 , 6 ],
        [5 , 4 ]],
       [[3 , 2 ],
        [1 , 0 ]]])
      `,
      run: (doc) => {
        const img = paddle.arange(3 * 2 * 2).reshape([3, 2, 2]);
        const tmp = paddle.flip(img, [0, 1]);
        doc.out(tmp);
        doc.out(paddle.flip(tmp, -1));
      },
    },
    {
      api: 'paddle.gather',
      python: py`
      >>> import paddle

      >>> input = paddle.to_tensor([[1,2],[3,4],[5,6]])
      >>> index = paddle.to_tensor([0,1])
      >>> output = paddle.gather(input, index, axis=0)
      >>> print(output)
      Tensor(shape=[2, 2], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[1, 2],
       [3, 4]])
      `,
      run: (doc) => {
        doc.out(paddle.gather(I([[1, 2], [3, 4], [5, 6]]), I([0, 1]), { axis: 0 }));
      },
    },
    {
      api: 'paddle.gather_nd',
      python: py`
      >>> import paddle

      >>> x = paddle.to_tensor([[[1, 2], [3, 4], [5, 6]],
      ...                       [[7, 8], [9, 10], [11, 12]]])
      >>> index = paddle.to_tensor([[0, 1]])

      >>> output = paddle.gather_nd(x, index)
      >>> print(output)
      Tensor(shape=[1, 2], dtype=int64, place=Place(cpu), stop_gradient=True,
      [[3, 4]])
      `,
      run: (doc) => {
        const x = I([[[1, 2], [3, 4], [5, 6]], [[7, 8], [9, 10], [11, 12]]]);
        doc.out(paddle.gather_nd(x, I([[0, 1]])));
      },
    },
    {
      api: 'paddle.reshape',
      python: py`
      >>> import paddle

      >>> x = paddle.rand([2, 4, 6], dtype="float32")
      >>> positive_four = paddle.full([1], 4, "int32")

      >>> out = paddle.reshape(x, [-1, 0, 3, 2])
      >>> print(out.shape)
      [2, 4, 3, 2]

      >>> out = paddle.reshape(x, shape=[positive_four, 12])
      >>> print(out.shape)
      [4, 12]

      >>> shape_tensor = paddle.to_tensor([8, 6], dtype=paddle.int32)
      >>> out = paddle.reshape(x, shape=shape_tensor)
      >>> print(out.shape)
      [8, 6]
      >>> # out shares data with x in dygraph mode
      >>> x[0, 0, 0] = 10.
      >>> print(out[0, 0])
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      10.)
      `,
      note: "results are copies here, not views (README): the line showing that out shares x's memory is not compared",
      run: (doc) => {
        const x = paddle.rand([2, 4, 6], { dtype: 'float32' });
        const positiveFour = paddle.full([1], 4, { dtype: 'int32' });
        doc.out(paddle.reshape(x, [-1, 0, 3, 2]).shape);
        doc.out(paddle.reshape(x, [positiveFour, 12]).shape);
        const out = paddle.reshape(x, T([8, 6], { dtype: 'int32' }));
        doc.out(out.shape);
        x.set('0, 0, 0', 10);
        doc.skip('out[0, 0] after x[0, 0, 0] = 10.: Paddle returns a view, this package a copy');
      },
    },
    {
      api: 'paddle.scatter',
      python: py`
          >>> import paddle
          >>> #input:
          >>> x = paddle.to_tensor([[1, 1], [2, 2], [3, 3]], dtype='float32')
          >>> index = paddle.to_tensor([2, 1, 0, 1], dtype='int64')
          >>> # shape of updates should be the same as x
          >>> # shape of updates with dim > 1 should be the same as input
          >>> updates = paddle.to_tensor([[1, 1], [2, 2], [3, 3], [4, 4]], dtype='float32')
          >>> overwrite = False
          >>> # calculation:
          >>> if not overwrite:
          ...     for i in range(len(index)):
          ...         x[index[i]] = paddle.zeros([2])
          >>> for i in range(len(index)):
          ...     if (overwrite):
          ...         x[index[i]] = updates[i]
          ...     else:
          ...         x[index[i]] += updates[i]
          >>> # output:
          >>> out = paddle.to_tensor([[3, 3], [6, 6], [1, 1]])
          >>> print(out.shape)
          [3, 2]

              >>> import paddle

              >>> x = paddle.to_tensor([[1, 1], [2, 2], [3, 3]], dtype='float32')
              >>> index = paddle.to_tensor([2, 1, 0, 1], dtype='int64')
              >>> updates = paddle.to_tensor([[1, 1], [2, 2], [3, 3], [4, 4]], dtype='float32')

              >>> output1 = paddle.scatter(x, index, updates, overwrite=False)
              >>> print(output1)
              Tensor(shape=[3, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
              [[3., 3.],
               [6., 6.],
               [1., 1.]])

              >>> output2 = paddle.scatter(x, index, updates, overwrite=True)
              >>> # CPU device:
              >>> # [[3., 3.],
              >>> #  [4., 4.],
              >>> #  [1., 1.]]
              >>> # GPU device maybe have two results because of the repeated numbers in index
              >>> # result 1:
              >>> # [[3., 3.],
              >>> #  [4., 4.],
              >>> #  [1., 1.]]
              >>> # result 2:
              >>> # [[3., 3.],
              >>> #  [2., 2.],
              >>> #  [1., 1.]]
      `,
      run: (doc) => {
        const x = T([[1, 1], [2, 2], [3, 3]], { dtype: 'float32' });
        const index = T([2, 1, 0, 1], { dtype: 'int64' });
        const updates = T([[1, 1], [2, 2], [3, 3], [4, 4]], { dtype: 'float32' });
        // the example's pseudo-code, with x.set / x.get for Python's subscripts
        for (let i = 0; i < index.numel; i++) x.set(index.item(i) as number, paddle.zeros([2]));
        for (let i = 0; i < index.numel; i++) {
          const k = index.item(i) as number;
          x.set(k, paddle.add(x.get(k), updates.get(i)));
        }
        expect(x.tolist()).toEqual([[3, 3], [6, 6], [1, 1]]);
        doc.out(I([[3, 3], [6, 6], [1, 1]]).shape);
        const x2 = T([[1, 1], [2, 2], [3, 3]], { dtype: 'float32' });
        doc.out(paddle.scatter(x2, index, updates, { overwrite: false }));
        expect(paddle.scatter(x2, index, updates, { overwrite: true }).tolist()).toEqual([[3, 3], [4, 4], [1, 1]]); // "CPU device"
      },
    },
    {
      api: 'paddle.slice',
      python: py`
      >>> import paddle

      >>> input = paddle.rand(shape=[4, 5, 6], dtype='float32')
      >>> # example 1:
      >>> # attr starts is a list which doesn't contain tensor.
      >>> axes = [0, 1, 2]
      >>> starts = [-3, 0, 2]
      >>> ends = [3, 2, 4]
      >>> sliced_1 = paddle.slice(input, axes=axes, starts=starts, ends=ends)
      >>> # sliced_1 is input[1:3, 0:2, 2:4].

      >>> # example 2:
      >>> # attr starts is a list which contain tensor.
      >>> minus_3 = paddle.full([1], -3, "int32")
      >>> sliced_2 = paddle.slice(input, axes=axes, starts=[minus_3, 0, 2], ends=ends)
      >>> # sliced_2 is input[1:3, 0:2, 2:4].
      `,
      run: (doc) => {
        const input = paddle.rand([4, 5, 6], { dtype: 'float32' });
        const axes = [0, 1, 2];
        const ends = [3, 2, 4];
        const sliced1 = paddle.slice(input, axes, [-3, 0, 2], ends);
        expect(sliced1.tolist()).toEqual(input.get('1:3, 0:2, 2:4').tolist());
        const minus3 = paddle.full([1], -3, { dtype: 'int32' });
        const sliced2 = paddle.slice(input, axes, [minus3, 0, 2], ends);
        expect(sliced2.tolist()).toEqual(input.get('1:3, 0:2, 2:4').tolist());
      },
    },
    {
      api: 'paddle.split',
      python: py`
      >>> import paddle

      >>> # x is a Tensor of shape [3, 9, 5]
      >>> x = paddle.rand([3, 9, 5])

      >>> out0, out1, out2 = paddle.split(x, num_or_sections=3, axis=1)
      >>> print(out0.shape)
      [3, 3, 5]
      >>> print(out1.shape)
      [3, 3, 5]
      >>> print(out2.shape)
      [3, 3, 5]

      >>> out0, out1, out2 = paddle.split(x, num_or_sections=[2, 3, 4], axis=1)
      >>> print(out0.shape)
      [3, 2, 5]
      >>> print(out1.shape)
      [3, 3, 5]
      >>> print(out2.shape)
      [3, 4, 5]

      >>> out0, out1, out2 = paddle.split(x, num_or_sections=[2, 3, -1], axis=1)
      >>> print(out0.shape)
      [3, 2, 5]
      >>> print(out1.shape)
      [3, 3, 5]
      >>> print(out2.shape)
      [3, 4, 5]

      >>> # axis is negative, the real axis is (rank(x) + axis)=1
      >>> out0, out1, out2 = paddle.split(x, num_or_sections=3, axis=-2)
      >>> print(out0.shape)
      [3, 3, 5]
      >>> print(out1.shape)
      [3, 3, 5]
      >>> print(out2.shape)
      [3, 3, 5]
      `,
      run: (doc) => {
        const x = paddle.rand([3, 9, 5]);
        for (const sections of [3, [2, 3, 4], [2, 3, -1]] as const) {
          const [out0, out1, out2] = paddle.split(x, sections, { axis: 1 });
          doc.out(out0?.shape);
          doc.out(out1?.shape);
          doc.out(out2?.shape);
        }
        const [out0, out1, out2] = paddle.split(x, 3, { axis: -2 });
        doc.out(out0?.shape);
        doc.out(out1?.shape);
        doc.out(out2?.shape);
      },
    },
    {
      api: 'paddle.squeeze',
      python: py`
      >>> import paddle

      >>> x = paddle.rand([5, 1, 10])
      >>> output = paddle.squeeze(x, axis=1)

      >>> print(x.shape)
      [5, 1, 10]
      >>> print(output.shape)
      [5, 10]

      >>> # output shares data with x in dygraph mode
      >>> x[0, 0, 0] = 10.
      >>> print(output[0, 0])
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      10.)
      `,
      note: "results are copies here, not views (README): the line showing that output shares x's memory is not compared",
      run: (doc) => {
        const x = paddle.rand([5, 1, 10]);
        const output = paddle.squeeze(x, { axis: 1 });
        doc.out(x.shape);
        doc.out(output.shape);
        x.set('0, 0, 0', 10);
        doc.skip('output[0, 0] after x[0, 0, 0] = 10.: Paddle returns a view, this package a copy');
      },
    },
    {
      api: 'paddle.stack',
      python: py`
      >>> import paddle

      >>> x1 = paddle.to_tensor([[1.0, 2.0]])
      >>> x2 = paddle.to_tensor([[3.0, 4.0]])
      >>> x3 = paddle.to_tensor([[5.0, 6.0]])

      >>> out = paddle.stack([x1, x2, x3], axis=0)
      >>> print(out.shape)
      [3, 1, 2]
      >>> print(out)
      Tensor(shape=[3, 1, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[1., 2.]],
       [[3., 4.]],
       [[5., 6.]]])

      >>> out = paddle.stack([x1, x2, x3], axis=-2)
      >>> print(out.shape)
      [1, 3, 2]
      >>> print(out)
      Tensor(shape=[1, 3, 2], dtype=float32, place=Place(cpu), stop_gradient=True,
      [[[1., 2.],
        [3., 4.],
        [5., 6.]]])
      `,
      run: (doc) => {
        const x1 = T([[1.0, 2.0]]);
        const x2 = T([[3.0, 4.0]]);
        const x3 = T([[5.0, 6.0]]);
        let out = paddle.stack([x1, x2, x3], { axis: 0 });
        doc.out(out.shape);
        doc.out(out);
        out = paddle.stack([x1, x2, x3], { axis: -2 });
        doc.out(out.shape);
        doc.out(out);
      },
    },
    {
      api: 'paddle.tile',
      python: py`
      >>> import paddle

      >>> data = paddle.to_tensor([1, 2, 3], dtype='int32')
      >>> out = paddle.tile(data, repeat_times=[2, 1])
      >>> print(out)
      Tensor(shape=[2, 3], dtype=int32, place=Place(cpu), stop_gradient=True,
      [[1, 2, 3],
       [1, 2, 3]])

      >>> out = paddle.tile(data, repeat_times=(2, 2))
      >>> print(out)
      Tensor(shape=[2, 6], dtype=int32, place=Place(cpu), stop_gradient=True,
      [[1, 2, 3, 1, 2, 3],
       [1, 2, 3, 1, 2, 3]])

      >>> repeat_times = paddle.to_tensor([1, 2], dtype='int32')
      >>> out = paddle.tile(data, repeat_times=repeat_times)
      >>> print(out)
      Tensor(shape=[1, 6], dtype=int32, place=Place(cpu), stop_gradient=True,
      [[1, 2, 3, 1, 2, 3]])
      `,
      run: (doc) => {
        const data = T([1, 2, 3], { dtype: 'int32' });
        doc.out(paddle.tile(data, [2, 1]));
        doc.out(paddle.tile(data, [2, 2]));
        doc.out(paddle.tile(data, T([1, 2], { dtype: 'int32' })));
      },
    },
    {
      api: 'paddle.unsqueeze',
      python: py`
      >>> import paddle

      >>> x = paddle.rand([5, 10])
      >>> print(x.shape)
      [5, 10]

      >>> out1 = paddle.unsqueeze(x, axis=0)
      >>> print(out1.shape)
      [1, 5, 10]

      >>> out2 = paddle.unsqueeze(x, axis=[0, 2])
      >>> print(out2.shape)
      [1, 5, 1, 10]

      >>> axis = paddle.to_tensor([0, 1, 2])
      >>> out3 = paddle.unsqueeze(x, axis=axis)
      >>> print(out3.shape)
      [1, 1, 1, 5, 10]

      >>> # out1, out2, out3 share data with x in dygraph mode
      >>> x[0, 0] = 10.
      >>> print(out1[0, 0, 0])
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      10.)
      >>> print(out2[0, 0, 0, 0])
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      10.)
      >>> print(out3[0, 0, 0, 0, 0])
      Tensor(shape=[], dtype=float32, place=Place(cpu), stop_gradient=True,
      10.)
      `,
      note: "results are copies here, not views (README): the three lines showing shared memory are not compared",
      run: (doc) => {
        const x = paddle.rand([5, 10]);
        doc.out(x.shape);
        const out1 = paddle.unsqueeze(x, 0);
        doc.out(out1.shape);
        const out2 = paddle.unsqueeze(x, [0, 2]);
        doc.out(out2.shape);
        const out3 = paddle.unsqueeze(x, I([0, 1, 2]));
        doc.out(out3.shape);
        x.set('0, 0', 10);
        doc.skip('out1[0, 0, 0] after x[0, 0] = 10.: Paddle returns a view, this package a copy');
        doc.skip('out2[0, 0, 0, 0]: the same view');
        doc.skip('out3[0, 0, 0, 0, 0]: the same view');
      },
    },
    {
      api: 'paddle.tolist',
      python: py`
      >>> import paddle

      >>> t = paddle.to_tensor([0,1,2,3,4])
      >>> expectlist = t.tolist()
      >>> print(expectlist)
      [0, 1, 2, 3, 4]

      >>> expectlist = paddle.tolist(t)
      >>> print(expectlist)
      [0, 1, 2, 3, 4]
      `,
      run: (doc) => {
        const t = I([0, 1, 2, 3, 4]);
        doc.out(t.tolist());
        doc.out(paddle.tolist(t));
      },
    },
  ],
});
