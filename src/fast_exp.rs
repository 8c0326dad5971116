//! A faster e^x − 1 for the activation: `x = (64k + j) ln2/64 + r` with |r| ≤ ln2/128, a
//! table of 2^(j/64) and a degree-6 series for e^r − 1, put together as
//! `2^k (2^(j/64) − 1 + 2^(j/64)(e^r − 1)) + (2^k − 1)` so that nothing cancels near 0.
//! Only `+ − × ÷` and bit moves: the same bits on every platform, within a few ulps.

// ln2/64 split in two: the high part (fdlibm's `ln2_hi` over 64) has 33 significant bits,
// so `n · LN2_64_HI` is exact for the n met here (|n| < 2^12).
pub(crate) const LN2_64_HI: f64 = f64::from_bits(0x3FE6_2E42_FEE0_0000) / 64.0;
pub(crate) const LN2_64_LO: f64 = f64::from_bits(0x3DEA_39EF_3579_3C76) / 64.0;
pub(crate) const INV_LN2_64: f64 = f64::from_bits(0x4057_1547_652B_82FE); // 64/ln2
/// 1.5 · 2^52: adding it rounds to an integer, kept in the low bits.
pub(crate) const ROUND: f64 = 6755399441055744.0;

/// e^x − 1 for 0 ≤ x ≤ 40.
#[inline]
pub fn expm1_nonneg(x: f64) -> f64 {
    let shifted = x * INV_LN2_64 + ROUND;
    let n = shifted.to_bits() as i64 as i32; // the low 32 bits hold round(x·64/ln2)
    let nf = shifted - ROUND;
    let r = (x - nf * LN2_64_HI) - nf * LN2_64_LO;
    let (k, j) = (n >> 6, (n & 63) as usize);
    // e^r − 1 to r⁶; the first term left out is below 2^-60 of the result
    let p = r * (1.0 + r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0))))));
    let (t, e) = (f64::from_bits(EXP2_T[j]), f64::from_bits(EXP2_E[j]));
    let two_k = f64::from_bits(((k + 1023) as u64) << 52);
    two_k * (e + t * p) + (two_k - 1.0)
}

/// tanh x = t / (t + 2) with t = e^(2|x|) − 1, the sign put back. Branch-free but for NaN
/// (|x| is capped at 20, where t + 2 rounds to t), so `kernel::lanes` computes the same bits
/// two at a time.
#[inline]
pub fn tanh(x: f64) -> f64 {
    let a = x.abs();
    let a = if 20.0 < a { 20.0 } else { a };
    let t = expm1_nonneg(2.0 * a);
    let r = (t / (t + 2.0)).copysign(x);
    if x.is_nan() {
        x
    } else {
        r
    }
}

/// `EXP2_T[j]` and `EXP2_E[j]` side by side, as the lanes of `kernel::lanes` load them.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) const EXP2_TE: [[u64; 2]; 64] = {
    let mut te = [[0; 2]; 64];
    let mut j = 0;
    while j < 64 {
        te[j] = [EXP2_T[j], EXP2_E[j]];
        j += 1;
    }
    te
};

/// 2^(j/64) for j = 0 … 63, correctly rounded.
pub(crate) const EXP2_T: [u64; 64] = [
    0x3FF0000000000000,
    0x3FF02C9A3E778061,
    0x3FF059B0D3158574,
    0x3FF0874518759BC8,
    0x3FF0B5586CF9890F,
    0x3FF0E3EC32D3D1A2,
    0x3FF11301D0125B51,
    0x3FF1429AAEA92DE0,
    0x3FF172B83C7D517B,
    0x3FF1A35BEB6FCB75,
    0x3FF1D4873168B9AA,
    0x3FF2063B88628CD6,
    0x3FF2387A6E756238,
    0x3FF26B4565E27CDD,
    0x3FF29E9DF51FDEE1,
    0x3FF2D285A6E4030B,
    0x3FF306FE0A31B715,
    0x3FF33C08B26416FF,
    0x3FF371A7373AA9CB,
    0x3FF3A7DB34E59FF7,
    0x3FF3DEA64C123422,
    0x3FF4160A21F72E2A,
    0x3FF44E086061892D,
    0x3FF486A2B5C13CD0,
    0x3FF4BFDAD5362A27,
    0x3FF4F9B2769D2CA7,
    0x3FF5342B569D4F82,
    0x3FF56F4736B527DA,
    0x3FF5AB07DD485429,
    0x3FF5E76F15AD2148,
    0x3FF6247EB03A5585,
    0x3FF6623882552225,
    0x3FF6A09E667F3BCD,
    0x3FF6DFB23C651A2F,
    0x3FF71F75E8EC5F74,
    0x3FF75FEB564267C9,
    0x3FF7A11473EB0187,
    0x3FF7E2F336CF4E62,
    0x3FF82589994CCE13,
    0x3FF868D99B4492ED,
    0x3FF8ACE5422AA0DB,
    0x3FF8F1AE99157736,
    0x3FF93737B0CDC5E5,
    0x3FF97D829FDE4E50,
    0x3FF9C49182A3F090,
    0x3FFA0C667B5DE565,
    0x3FFA5503B23E255D,
    0x3FFA9E6B5579FDBF,
    0x3FFAE89F995AD3AD,
    0x3FFB33A2B84F15FB,
    0x3FFB7F76F2FB5E47,
    0x3FFBCC1E904BC1D2,
    0x3FFC199BDD85529C,
    0x3FFC67F12E57D14B,
    0x3FFCB720DCEF9069,
    0x3FFD072D4A07897C,
    0x3FFD5818DCFBA487,
    0x3FFDA9E603DB3285,
    0x3FFDFC97337B9B5F,
    0x3FFE502EE78B3FF6,
    0x3FFEA4AFA2A490DA,
    0x3FFEFA1BEE615A27,
    0x3FFF50765B6E4540,
    0x3FFFA7C1819E90D8,
];
/// 2^(j/64) − 1, correctly rounded (not T − 1 rounded twice: that would lose bits near 0).
pub(crate) const EXP2_E: [u64; 64] = [
    0x0000000000000000,
    0x3F864D1F3BC03077,
    0x3F966C34C5615D0F,
    0x3FA0E8A30EB37901,
    0x3FA6AB0D9F3121EC,
    0x3FAC7D865A7A3440,
    0x3FB1301D0125B50A,
    0x3FB429AAEA92DDFB,
    0x3FB72B83C7D517AE,
    0x3FBA35BEB6FCB754,
    0x3FBD4873168B9AA8,
    0x3FC031DC431466B2,
    0x3FC1C3D373AB11C3,
    0x3FC35A2B2F13E6E9,
    0x3FC4F4EFA8FEF709,
    0x3FC6942D3720185A,
    0x3FC837F0518DB8A9,
    0x3FC9E0459320B7FA,
    0x3FCB8D39B9D54E55,
    0x3FCD3ED9A72CFFB7,
    0x3FCEF5326091A112,
    0x3FD0582887DCB8A8,
    0x3FD13821818624B4,
    0x3FD21A8AD704F340,
    0x3FD2FF6B54D8A89C,
    0x3FD3E6C9DA74B29B,
    0x3FD4D0AD5A753E07,
    0x3FD5BD1CDAD49F6A,
    0x3FD6AC1F752150A5,
    0x3FD79DBC56B48522,
    0x3FD891FAC0E95613,
    0x3FD988E209548892,
    0x3FDA827999FCEF32,
    0x3FDB7EC8F19468BC,
    0x3FDC7DD7A3B17DCF,
    0x3FDD7FAD59099F23,
    0x3FDE8451CFAC061B,
    0x3FDF8BCCDB3D3988,
    0x3FE04B1332999C25,
    0x3FE0D1B3368925D9,
    0x3FE159CA845541B7,
    0x3FE1E35D322AEE6C,
    0x3FE26E6F619B8BCA,
    0x3FE2FB053FBC9C9F,
    0x3FE389230547E120,
    0x3FE418CCF6BBCAC9,
    0x3FE4AA07647C4AB9,
    0x3FE53CD6AAF3FB7F,
    0x3FE5D13F32B5A75B,
    0x3FE66745709E2BF6,
    0x3FE6FEEDE5F6BC8E,
    0x3FE7983D209783A4,
    0x3FE83337BB0AA538,
    0x3FE8CFE25CAFA297,
    0x3FE96E41B9DF20D2,
    0x3FEA0E5A940F12F7,
    0x3FEAB031B9F7490E,
    0x3FEB53CC07B6650B,
    0x3FEBF92E66F736BD,
    0x3FECA05DCF167FEC,
    0x3FED495F454921B3,
    0x3FEDF437DCC2B44F,
    0x3FEEA0ECB6DC8A81,
    0x3FEF4F83033D21B0,
];
